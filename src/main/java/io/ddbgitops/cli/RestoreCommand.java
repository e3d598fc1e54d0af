package io.ddbgitops.cli;

import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.aws.Preflight;
import io.ddbgitops.config.Account;
import io.ddbgitops.config.ConfigLoad;
import io.ddbgitops.config.ConfigLoader;
import io.ddbgitops.config.RepositoryConfig;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.reconcile.CommitSource;
import io.ddbgitops.aws.TableRestorer;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.reconcile.RunResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;

/** An operator's restore into a new table, from a backup or another table's point in time. Never overwrites. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Create a table from a backup (name or ARN) or from another table's point-in-time recovery."
                + " Refuses a target table that already exists. Exit 0 restored, 1 error.")
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    AwsOptions awsOptions;

    @Mixin
    GitOptions gitOptions;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "Region of the tables.")
    String region;

    @Option(names = "--account", paramLabel = "NAME",
            description = "Account of the tables, as named under accounts in ddb-gitops.yaml (read from --repo): "
                    + "its role is assumed as a run does for a manifest with optional_spec.account. Default: the "
                    + "default credential chain.")
    String account;

    @Option(names = "--repo", paramLabel = "PATH|URL", defaultValue = ".",
            description = "Where ddb-gitops.yaml is read for --account: a local checkout, or a URL (cloned, read "
                    + "from git objects). Default: the current directory.")
    String repo;

    @Option(names = "--target-table", required = true, paramLabel = "TABLE",
            description = "The new table to create; it must not exist.")
    String targetTable;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--backup", paramLabel = "NAME|ARN",
                description = "A backup ARN, or a name (the newest AVAILABLE backup with that name).")
        String backup;

        @ArgGroup(exclusive = false)
        PointInTime pointInTime;
    }

    static final class PointInTime {
        @Option(names = "--source-table", required = true, paramLabel = "TABLE",
                description = "Restore this table's point-in-time recovery.")
        String sourceTable;

        @Option(names = "--point-in-time", paramLabel = "ISO-8601|latest", defaultValue = "latest",
                description = "The instant to restore to (default: latest).")
        String at;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RestoreSpec from = restoreSpec();
        String where = Optional.ofNullable(account).orElse(TableId.DEFAULT_ACCOUNT);
        Map<String, Account> accounts = where.equals(TableId.DEFAULT_ACCOUNT) ? Map.of() : accounts(where);
        TableId target = new TableId(where, region, targetTable);
        try (AwsOptions.Target endpoint = awsOptions.open();
             DynamoDbClients clients = new DynamoDbClients(endpoint.settings())) {
            // the account's tables, backups and restores with its role, through the clients a run would use
            clients.useAccounts(accounts);
            Preflight.account(clients, where);
            TableRestorer.Restored restored = new TableRestorer(clients.settings().waitTimeout())
                    .restore(clients.dynamoDb(where, region), target, from, Optional.empty(), out::println);
            out.println("restored " + target + " from " + restored.source() + " (" + restored.status() + ", "
                    + restored.tableArn() + ")");
            return RunResult.OK;
        }
    }

    /** The repository config's accounts, which must define {@code name}; read like validate reads it. */
    private Map<String, Account> accounts(String name) throws Exception {
        ConfigLoad load;
        if (!ValidateCommand.looksLikeUrl(repo) && Files.isDirectory(Path.of(repo))) {
            load = new ConfigLoader().load(Path.of(repo));
        } else {
            try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(repo, Optional.empty(),
                    gitOptions.auth(Main.environment(spec)))) {
                load = new ConfigLoader().load(new CommitSource(workspace.files()));
            }
        }
        if (!load.isValid()) {
            throw new IllegalArgumentException(RepositoryConfig.FILE + " in " + repo + " is invalid:\n" + load.errors()
                    .stream().map(ManifestError::format).collect(Collectors.joining("\n")));
        }
        RepositoryConfig config = load.config().get();
        if (config.account(name).isEmpty()) {
            throw new IllegalArgumentException("--account " + name + " is not defined in " + RepositoryConfig.FILE
                    + " of " + repo + " (" + (config.accounts().isEmpty() ? "it defines no account"
                    : "accounts: " + String.join(", ", config.accounts().keySet())) + "); "
                    + TableId.DEFAULT_ACCOUNT + " means the default credential chain");
        }
        return config.accounts();
    }

    private RestoreSpec restoreSpec() {
        if (source.backup != null) {
            return new RestoreSpec.FromBackup(source.backup);
        }
        String at = source.pointInTime.at;
        if (at.equalsIgnoreCase("latest")) {
            return new RestoreSpec.FromPointInTime(source.pointInTime.sourceTable, Optional.empty());
        }
        try {
            return new RestoreSpec.FromPointInTime(source.pointInTime.sourceTable, Optional.of(Instant.parse(at)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--point-in-time \"" + at + "\" is neither an ISO-8601 instant"
                    + " (e.g. 2026-11-21T03:00:00Z) nor latest");
        }
    }
}
