package io.ddbgitops.cli;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.Concurrency;
import io.ddbgitops.aws.Deadline;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.aws.Durations;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.git.PublishResult;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.metrics.RunMetrics;
import io.ddbgitops.reconcile.Reconciler;
import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
import io.ddbgitops.report.ReportMarkdown;
import io.ddbgitops.report.TableEntry;
import org.slf4j.MDC;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    @Mixin
    ShardOptions shardOptions;

    @Mixin
    MetricsOptions metricsOptions;

    /** The metrics of this process's runs: one run for plan and apply, every run for serve. */
    final RunMetrics metrics = new RunMetrics();

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Deadline for the whole run, in seconds (900) or ISO-8601 (PT15M). When it passes, no new"
                    + " table work starts, calls in flight are cut off, the report names the tables that did not"
                    + " finish, and the exit code is 1. Default: none (each call is still bounded).")
    String timeout;

    @Mixin
    RegionOptions regionOptions;

    @Option(names = "--now", paramLabel = "ISO-8601",
            description = "The time the planner takes as now (for tests and dry runs); default: the clock.")
    Instant now;

    @Option(names = "--stale-after", paramLabel = "ISO-8601 DURATION",
            description = "Age at which the report counts as stale: the badge says so, and a quiet run commits a "
                    + "heartbeat once the committed report is older than half of it (default: report.stale_after "
                    + "in ddb-gitops.yaml, else PT26H).")
    java.time.Duration staleAfter;

    @Option(names = "--throughput-decreases-per-day", paramLabel = "N",
            description = "The account's quota of provisioned-throughput decreases per table or index per UTC day "
                    + "(adjustable in Service Quotas); wins over ddb-gitops.yaml's quotas.throughput_decreases_per_day "
                    + "(default: AWS's 27).")
    Integer decreasesPerDay;

    @Option(names = "--wait", description = "Wait until every table and index is ACTIVE (index backfills, replicas, "
            + "table class and SSE updates), printing progress; default: start long work, report it in progress and "
            + "move on (the next run continues).")
    boolean waitForLongWork;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "How many tables are read, planned and applied at once (1.." + Concurrency.MAX_PARALLELISM
                    + "); each table's own steps stay in order. Default: " + Concurrency.DEFAULT_PARALLELISM + ".")
    Integer parallelism;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "PT2H",
            description = "How long to wait for a table to be ACTIVE: ISO-8601 (PT2H) or seconds (default: PT2H).")
    String waitTimeout;

    abstract RunRequest.Mode mode();

    abstract boolean push();

    /** Only apply (and serve) may prune. */
    boolean prune() {
        return false;
    }

    /** Runs the job; plan with --base plans a pull request instead. */
    RunResult execute(Reconciler reconciler, RunRequest request) throws Exception {
        return reconciler.run(request, shard());
    }

    /** --shard I/N, or --shards N with JOB_COMPLETION_INDEX; every table when neither is given. */
    io.ddbgitops.plan.Shard shard() {
        return shardOptions.shard(Main.environment(spec));
    }

    /** Called with the result before the exit code is computed; plan writes --out here. */
    void after(RunResult result) throws Exception {
    }

    /**
     * Every option is checked before anything starts, clones or touches a table, so a typo never leaves a run
     * half done. Subcommands add their own checks.
     */
    void checkOptions() throws Exception {
        awsOptions.check();
        repoOptions.check();
        waitTimeout();
        decreasesPerDay();
        timeout();
        parallelism();
        if (repoOptions.repo == null && !awsOptions.local) {
            throw new IllegalArgumentException("--repo is required (or --local to use the bundled sample-repo)");
        }
        if (repoOptions.repo != null) {
            JGitWorkspace.checkLocation(repoOptions.repo);
        }
        gitOptions.auth(Main.environment(spec));
        shard();
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        java.time.Duration timeout = waitTimeout();
        decreasesPerDay();
        Optional<Duration> budget = timeout();
        try (AwsOptions.Target target = awsOptions.open()) {
            AwsSettings settings = target.settings().withWaitTimeout(timeout);
            preflight(settings);
            return runOnce(settings, budget);
        } finally {
            metricsOptions.export(metrics);
        }
    }

    /**
     * Once, before any table: credentials are there and the endpoint answers (see {@link
     * io.ddbgitops.aws.Preflight}), so a missing credential or a dead endpoint is one line, not one per table.
     */
    void preflight(AwsSettings settings) {
        try (DynamoDbClients clients = new DynamoDbClients(settings)) {
            io.ddbgitops.aws.Preflight.check(clients, timeout());
        }
    }

    /** The --timeout budget, checked before any work. */
    Optional<Duration> timeout() {
        try {
            return Optional.ofNullable(timeout).map(Durations::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--timeout " + e.getMessage());
        }
    }

    /** One whole job, with clients of its own bound to this run's deadline; serve calls this on every tick. */
    int runOnce(AwsSettings settings, Optional<Duration> budget) throws Exception {
        Deadline deadline = budget.map(Deadline::after).orElseGet(Deadline::none);
        // each run's clients count their calls into the process's metrics
        try (DynamoDbClients clients = new DynamoDbClients(settings.withDeadline(deadline)
                .withInterceptor(metrics.interceptor()))) {
            PrintWriter out = spec.commandLine().getOut();
            if (repoOptions.repo != null) {
                return runOn(repoOptions.repo, out, clients, result -> List.of()).exitCode();
            }
            if (!awsOptions.local) {
                throw new IllegalArgumentException("--repo is required (or --local to use the bundled sample-repo)");
            }
            Optional<Path> dataDir = Optional.ofNullable(awsOptions.dataDir);
            try (SampleRepo.Checkout sample = SampleRepo.open(dataDir)) {
                if (dataDir.isPresent()) {
                    out.println("sample repo: " + sample.bare() + "  (kept in the data directory)");
                }
                // the report's path goes above the count, which stays the last line (as Terraform's does)
                return runOn(sample.bare().toString(), out, clients,
                        result -> List.of("report file: " + SampleRepo.keepReport(result.markdown(), dataDir)))
                        .exitCode();
            }
        }
    }

    /** A run on {@code repo}; {@code notes} gives lines to print above the closing count line. */
    private RunResult runOn(String repo, PrintWriter out, DynamoDbClients clients, Notes notes) throws Exception {
        Instant started = Instant.now();
        Optional<RunResult> done = Optional.empty();
        // every log line of this run carries its id, so a collector can group a run's lines
        try (MDC.MDCCloseable runId = MDC.putCloseable("run_id", UUID.randomUUID().toString())) {
            RunRequest request = request(repo, now == null ? Instant.now() : now,
                    gitOptions.auth(Main.environment(spec)));
            RunResult result = execute(new Reconciler(regionOptions.loader(), clients,
                    leaseOptions.timing(), progress(), parallelism()), request);
            done = Optional.of(result);
            regionOptions.warn(spec.commandLine().getErr(),
                    result.report().tables().stream().map(t -> t.region()).toList());
            TerminalReport.print(out, Terminal.detect(Main.environment(spec), common.noColor), result, push(),
                    notes.of(result));
            result.publishFailure().ifPresent(this::printPublishFailure);
            after(result);
            return result;
        } finally {
            metrics.record(mode().name().toLowerCase(java.util.Locale.ROOT), done.map(RunResult::report),
                    done.map(RunResult::exitCode).orElse(RunResult.ERROR), started, Instant.now());
        }
    }

    /** Lines about a finished run that belong above its count line, such as where its report file went. */
    @FunctionalInterface
    interface Notes {
        List<String> of(RunResult result) throws IOException;
    }

    /**
     * n/N per table: a plain line on stderr, or, with {@code --log-format json}, a log event, so that stderr
     * carries only JSON objects then.
     */
    io.ddbgitops.reconcile.Progress progress() {
        boolean plan = mode() == RunRequest.Mode.PLAN;
        if (Logging.format(common.logFormat) == Logging.Format.JSON) {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.ddbgitops.progress");
            return (index, total, table, status, took) -> log.info("[{}/{}] {}: {} ({} ms)", index, total, table,
                    io.ddbgitops.report.ChangeText.status(status, plan), took.toMillis());
        }
        return progressLines(spec.commandLine().getErr(), plan);
    }

    static io.ddbgitops.reconcile.Progress progressLines(PrintWriter err, boolean plan) {
        return (index, total, table, status, took) -> err.printf(java.util.Locale.ROOT, "[%d/%d] %s: %s (%.1fs)%n",
                index, total, table, io.ddbgitops.report.ChangeText.status(status, plan), took.toMillis() / 1000.0);
    }

    /** The summary above says what the run did to the tables; this says why its report is not in the repository. */
    private void printPublishFailure(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: the report was not published: " + reason);
        if (mode() == RunRequest.Mode.APPLY) {
            err.println("       The tables above were reconciled as listed; the repository does not have this run's report.");
        }
    }

    RunRequest request(String repo, Instant at, GitAuth auth) {
        return new RunRequest(mode(), repo, Optional.ofNullable(repoOptions.branch), push(),
                Optional.ofNullable(repoOptions.reportBranch), at, auth, repoOptions.author(), prune(),
                decreasesPerDay(), waitForLongWork, staleAfter());
    }

    /** Empty unless given: the run then takes the repository config's {@code report.stale_after}, else the default. */
    Optional<java.time.Duration> staleAfter() {
        return Optional.ofNullable(staleAfter);
    }

    /** --parallelism, checked before anything starts; the measured default without it. */
    int parallelism() {
        return Concurrency.check(parallelism == null ? Concurrency.DEFAULT_PARALLELISM : parallelism);
    }

    /** --throughput-decreases-per-day; without it the repository config's quota (AWS's default) applies. */
    Optional<Integer> decreasesPerDay() {
        if (decreasesPerDay != null && decreasesPerDay < 1) {
            throw new IllegalArgumentException("--throughput-decreases-per-day must be at least 1, not " + decreasesPerDay);
        }
        return Optional.ofNullable(decreasesPerDay);
    }

    /** --wait-timeout as ISO-8601 (PT2H) or a number of seconds, read like every other duration option. */
    java.time.Duration waitTimeout() {
        try {
            return Durations.parse(waitTimeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--wait-timeout takes ISO-8601 (PT2H) or seconds, not " + waitTimeout
                    + ": " + e.getMessage());
        }
    }
}
