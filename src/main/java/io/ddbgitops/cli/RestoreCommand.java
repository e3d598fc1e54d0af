package io.ddbgitops.cli;

import io.ddbgitops.aws.DynamoDbClients;
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

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "Region of the tables.")
    String region;

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
        TableId target = new TableId(region, targetTable);
        try (AwsOptions.Target endpoint = awsOptions.open();
             DynamoDbClients clients = new DynamoDbClients(endpoint.settings())) {
            TableRestorer.Restored restored = new TableRestorer(clients.settings().waitTimeout())
                    .restore(clients.forRegion(region), target, from, Optional.empty(), out::println);
            out.println("restored " + target + " from " + restored.source() + " (" + restored.status() + ", "
                    + restored.tableArn() + ")");
            return RunResult.OK;
        }
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
