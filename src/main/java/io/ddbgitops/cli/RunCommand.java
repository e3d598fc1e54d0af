package io.ddbgitops.cli;

import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.reconcile.Reconciler;
import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
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
    RegionOptions regionOptions;

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
            io.ddbgitops.aws.Preflight.check(clients);
            return runOnce(clients);
        }
    }

    /** One whole job against already-open clients; serve calls this on every tick. */
    int runOnce(DynamoDbClients clients) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (repoOptions.repo != null) {
            return runOn(repoOptions.repo, out, clients).exitCode();
        }
        if (!awsOptions.local) {
            throw new IllegalArgumentException("--repo is required (or --local to use the bundled sample-repo)");
        }
        Optional<Path> dataDir = Optional.ofNullable(awsOptions.dataDir);
        try (SampleRepo.Checkout sample = SampleRepo.open(dataDir)) {
            if (dataDir.isPresent()) {
                out.println("sample repo: " + sample.bare() + "  (kept in the data directory)");
            }
            RunResult result = runOn(sample.bare().toString(), out, clients);
            out.println("report file: " + SampleRepo.keepReport(result.markdown(), dataDir));
            return result.exitCode();
        }
    }

    private RunResult runOn(String repo, PrintWriter out, DynamoDbClients clients) throws Exception {
        RunRequest request = request(repo, now == null ? Instant.now() : now, gitOptions.auth(Main.environment(spec)));
        RunResult result = execute(new Reconciler(regionOptions.loader(), clients,
                progressLines(spec.commandLine().getErr(), mode() == RunRequest.Mode.PLAN)), request);
        regionOptions.warn(spec.commandLine().getErr(), result.report().tables().stream().map(t -> t.region()).toList());
        TerminalReport.print(out, Terminal.detect(Main.environment(spec), common.noColor), result, push());
        after(result);
        return result;
    }

    /** One line per table on stderr, so that stdout stays the result: "[3/40] us-east-1/Orders: in sync (0.4s)". */
    static io.ddbgitops.reconcile.Progress progressLines(PrintWriter err, boolean plan) {
        return (index, total, table, status, took) -> err.printf(java.util.Locale.ROOT, "[%d/%d] %s: %s (%.1fs)%n",
                index, total, table, io.ddbgitops.report.ChangeText.status(status, plan), took.toMillis() / 1000.0);
    }

    RunRequest request(String repo, Instant at, GitAuth auth) {
        return new RunRequest(mode(), repo, Optional.ofNullable(repoOptions.branch), push(),
                Optional.ofNullable(repoOptions.reportBranch), at, auth, repoOptions.author(), prune());
    }
}
