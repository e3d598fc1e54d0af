package io.ddbgitops.cli;

import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.git.PublishResult;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.reconcile.Reconciler;
import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
import io.ddbgitops.report.ReportMarkdown;
import io.ddbgitops.report.TableEntry;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What plan and apply share: where the repo and DynamoDB are, running the job, printing the outcome. */
abstract class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RepoOptions repoOptions;

    @Mixin
    AwsOptions awsOptions;

    @Mixin
    GitOptions gitOptions;

    @Mixin
    LeaseOptions leaseOptions;

    @Option(names = "--now", paramLabel = "ISO-8601",
            description = "The time the planner takes as now (for tests and dry runs); default: the clock.")
    Instant now;

    abstract RunRequest.Mode mode();

    abstract boolean push();

    /** Only apply (and serve) may prune. */
    boolean prune() {
        return false;
    }

    /** Runs the job; plan with --base plans a pull request instead. */
    RunResult execute(Reconciler reconciler, RunRequest request) throws Exception {
        return reconciler.run(request);
    }

    /** Called with the result before the exit code is computed; plan writes --out here. */
    void after(RunResult result) throws Exception {
    }

    @Override
    public Integer call() throws Exception {
        try (AwsOptions.Target target = awsOptions.open();
             DynamoDbClients clients = new DynamoDbClients(target.settings())) {
            return runOnce(clients);
        }
    }

    /** One whole job against already-open clients; serve calls this on every tick. */
    int runOnce(DynamoDbClients clients) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String repo = resolveRepo(out);
        RunRequest request = request(repo, now == null ? Instant.now() : now, gitOptions.auth(Main.environment(spec)));
        RunResult result = execute(new Reconciler(new ManifestLoader(), clients, leaseOptions.timing()), request);
        print(out, result, push());
        after(result);
        return result.exitCode();
    }

    RunRequest request(String repo, Instant at, GitAuth auth) {
        return new RunRequest(mode(), repo, Optional.ofNullable(repoOptions.branch), push(),
                Optional.ofNullable(repoOptions.reportBranch), at, auth, repoOptions.author(), prune());
    }

    private String resolveRepo(PrintWriter out) throws Exception {
        if (repoOptions.repo != null) {
            return repoOptions.repo;
        }
        if (!awsOptions.local) {
            throw new IllegalArgumentException("--repo is required (or --local to use the bundled sample-repo)");
        }
        Path sample = SampleRepo.materialize(java.util.Optional.ofNullable(awsOptions.dataDir));
        out.println("sample repo: " + sample + "  (git clone it to read drift/REPORT.md)");
        return sample.toString();
    }

    static void print(PrintWriter out, RunResult result, boolean push) {
        out.println(ReportMarkdown.headline(result.report()).replace("**", ""));
        for (TableEntry t : result.report().tables()) {
            out.printf("  %-10s %s/%s  %s (%s)%n", t.status(), t.region(), t.table(), t.manifest(),
                    t.namespace() + "/" + t.name());
            t.messages().forEach(m -> out.println("             " + m));
        }
        result.report().errors().forEach(e -> out.printf("  invalid    %s:%d:%d: %s%s%n", e.file(), e.line(),
                e.column(), e.field().isEmpty() ? "" : e.field() + ": ", e.message()));
        int unlisted = result.report().errorsTotal() - result.report().errors().size();
        if (unlisted > 0) {
            out.printf("  invalid    … and %d more errors (ddb-gitops validate prints them all)%n", unlisted);
        }
        if (result.published().isPresent()) {
            PublishResult p = result.published().get();
            out.println("report: " + p.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " (branch " + p.branch() + p.commitId().map(c -> ", commit " + c).orElse("") + ")");
        } else if (push && result.report().errors().stream()
                .anyMatch(e -> e.file().equals(io.ddbgitops.config.RepositoryConfig.FILE))) {
            out.println("report: not pushed, because " + io.ddbgitops.config.RepositoryConfig.FILE + " is invalid");
        } else if (push) {
            out.println("report: unchanged since the last run, nothing to commit");
        }
    }
}
