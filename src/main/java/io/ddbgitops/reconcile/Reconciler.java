package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsErrors;
import io.ddbgitops.aws.BackupApplier;
import io.ddbgitops.aws.Concurrency;
import io.ddbgitops.aws.ReadNeeds;
import io.ddbgitops.aws.RegionListings;
import io.ddbgitops.backup.PitrWindow;
import io.ddbgitops.plan.Action;
import io.ddbgitops.aws.Deadline;
import io.ddbgitops.aws.DynamoDbApplier;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.aws.LiveStateReader;
import io.ddbgitops.config.ConfigLoad;
import io.ddbgitops.config.ConfigLoader;
import io.ddbgitops.config.PolicyCheck;
import io.ddbgitops.config.RepositoryConfig;
import io.ddbgitops.git.GitException;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.git.PublishResult;
import io.ddbgitops.git.ReportWriter;
import io.ddbgitops.lease.LeaseHeldException;
import io.ddbgitops.lease.LeaseTiming;
import io.ddbgitops.manifest.FieldLocator;
import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.ObservedTable;
import io.ddbgitops.plan.PlanSettings;
import io.ddbgitops.plan.Shard;
import io.ddbgitops.plan.TablePlan;
import io.ddbgitops.plan.TablePlanner;
import io.ddbgitops.plan.TableStatus;
import io.ddbgitops.backup.BackupRun;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportBadge;
import io.ddbgitops.report.ReportBuilder;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.ReportMarkdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the steps of one job in order: clone, load and validate, read live, plan, apply, report, commit and
 * push. The only class that sequences side effects; each step lives in its own package.
 */
public final class Reconciler {
    public static final String REPORT_DIR = "drift";
    public static final String REPORT_JSON = REPORT_DIR + "/report.json";
    public static final String REPORT_MD = REPORT_DIR + "/REPORT.md";
    public static final String REPORT_BADGE = REPORT_DIR + "/badge.svg";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ManifestLoader loader;
    private final LiveStateReader reader;
    private final DynamoDbApplier applier;
    private final BackupApplier backups;
    private final ConfigLoader configs = new ConfigLoader();
    private final UndeclaredTables undeclared;
    private final RunLeases leases;
    private final Deadline deadline;
    private final Progress progress;
    private final DynamoDbClients clients;
    private final int parallelism;

    public Reconciler(ManifestLoader loader, DynamoDbClients clients) {
        this(loader, clients, LeaseTiming.defaults(), Progress.NONE);
    }

    /** {@code leaseTiming}: how long a run's lease lasts and how long it waits for one another run holds. */
    public Reconciler(ManifestLoader loader, DynamoDbClients clients, LeaseTiming leaseTiming) {
        this(loader, clients, leaseTiming, Progress.NONE);
    }

    public Reconciler(ManifestLoader loader, DynamoDbClients clients, Progress progress) {
        this(loader, clients, LeaseTiming.defaults(), progress);
    }

    public Reconciler(ManifestLoader loader, DynamoDbClients clients, LeaseTiming leaseTiming, Progress progress) {
        this(loader, clients, leaseTiming, progress, Concurrency.DEFAULT_PARALLELISM);
    }

    public Reconciler(ManifestLoader loader, DynamoDbClients clients, Progress progress, int parallelism) {
        this(loader, clients, LeaseTiming.defaults(), progress, parallelism);
    }

    /** {@code parallelism}: how many tables are reconciled at once (1..64), each table's own steps in order. */
    public Reconciler(ManifestLoader loader, DynamoDbClients clients, LeaseTiming leaseTiming, Progress progress,
                      int parallelism) {
        this.leases = new RunLeases(clients, leaseTiming);
        this.parallelism = Concurrency.check(parallelism);
        this.clients = clients;
        this.progress = progress;
        this.loader = loader;
        this.reader = new LiveStateReader(clients);
        this.applier = new DynamoDbApplier(clients);
        this.backups = new BackupApplier(clients);
        this.undeclared = new UndeclaredTables(reader, applier, clients.settings().deadline());
        this.deadline = clients.settings().deadline();
    }

    public RunResult run(RunRequest request) throws GitException, IOException {
        return run(request, Shard.ALL);
    }

    /**
     * One shard of a run: only the tables (and undeclared tables) that hash to {@code shard} are read and applied,
     * under the shard's own lease; the push writes the shard's report and recomposes the whole one ({@link
     * ShardPublish}).
     */
    public RunResult run(RunRequest request, Shard shard) throws GitException, IOException {
        return run(request, Optional.empty(), shard);
    }

    /**
     * Plans a pull request: every manifest is validated, but only those that differ from the base are planned,
     * and the Markdown is the pull-request comment ({@link PullRequestScope}).
     */
    public RunResult planPullRequest(RunRequest request, PullRequest pullRequest) throws GitException, IOException {
        if (request.mode() != RunRequest.Mode.PLAN) {
            throw new IllegalArgumentException("A pull request is only planned, never applied");
        }
        return run(request, Optional.of(pullRequest), Shard.ALL);
    }

    private RunResult run(RunRequest request, Optional<PullRequest> pullRequest, Shard shard)
            throws GitException, IOException {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(request.repo(), request.branch(), request.auth());
             RunLeases.Slot lease = new RunLeases.Slot()) {
            LOG.info("cloned {} ({}) into {}", workspace.branch(), workspace.headCommit(), workspace.gitDir());
            Optional<DriftReport> previous = previousReport(workspace, request, shard);
            try {
                return check(workspace, request, pullRequest, previous, lease, shard);
            } catch (LeaseHeldException anotherRunIsWorking) {
                throw anotherRunIsWorking; // not a failure of the job: the badge is the other run's to set
            } catch (RuntimeException | IOException | GitException e) {
                publishFailure(workspace, request, previous);
                throw e;
            }
        }
    }

    private RunResult check(JGitWorkspace workspace, RunRequest request, Optional<PullRequest> pullRequest,
                            Optional<DriftReport> previous, RunLeases.Slot lease, Shard shard)
            throws GitException, IOException {
        // read from git objects: nothing is checked out
        CommitSource files = new CommitSource(workspace.files());
        ConfigLoad config = configs.load(files);
        LoadResult loaded = loader.load(files);
        LOG.info("{} valid manifest(s), {} invalid, {} other document(s) skipped",
                loaded.manifests().size(), loaded.invalidManifests(), loaded.skippedDocuments());
        boolean apply = request.mode() == RunRequest.Mode.APPLY;
        if (!config.isValid()) {
            return invalidConfig(config, loaded, apply, request, workspace.headCommit());
        }
        // each manifest's table (and the lock table) is read and written with its own account's role, never another's
        clients.useAccounts(config.config().get().accounts());
        // Before any table is read: a second writing run waits here or stops (LeaseHeldException, exit 4).
        leases.take(request, config.config().get(), workspace.branch(), shard, lease);
        loaded = PolicyCheck.admit(config.config().get(), loaded, "", new FieldLocator(files)::locate);
        Optional<PullRequestScope> scope = pullRequestScope(workspace, loaded, pullRequest);
        loaded = scope.map(PullRequestScope::loaded).orElse(loaded);
        ReportBuilder builder = new ReportBuilder(apply ? DriftReport.APPLY : DriftReport.PLAN, previous);
        builder.invalid(loaded.invalidManifests(), loaded.errors());
        builder.policy(config.config().get().policySummary());
        builder.accountIds(config.config().get().accounts().values().stream()
                .collect(java.util.stream.Collectors.toMap(a -> a.name(), a -> a.accountId())));
        PlanSettings settings = request.settings(config.config().get().quotas());
        List<TableManifest> mine = loaded.manifests().stream()
                .filter(m -> shard.owns(m.tableId())).toList();
        if (!shard.isAll()) {
            LOG.info("shard {}: {} of {} table(s)", shard.name(), mine.size(), loaded.manifests().size());
        }
        // a run that lists every region anyway (for undeclared tables) learns from it which tables are absent
        RegionListings listings = new RegionListings(clients, pullRequest.isEmpty());
        Map<String, String> unreachable = unreachableAccounts(mine);
        new TableRuns(parallelism, progress).each(mine, manifest -> {
            ReportBuilder part = builder.part();
            Optional.ofNullable(unreachable.get(manifest.tableId().account())).ifPresentOrElse(
                    refused -> part.failed(manifest, refused + "; the next run tries again"),
                    () -> reconcile(manifest, request, settings, part, listings));
            return new TableDone(manifest.tableId().toString(), part);
        }).forEach(done -> builder.add(done.part()));
        if (pullRequest.isEmpty()) {
            // every manifest counts as declared; a shard lists only the undeclared tables that hash to it
            undeclared.reconcile(loaded, request, builder, listings, RunLeases.isLockTable(config.config().get())
                    .or(id -> !shard.owns(id)));
        }
        DriftReport report = builder.build().checked(request.now(), workspace.headCommit());
        Optional<io.ddbgitops.report.PullRequestMarkdown.Comment> comment = scope.map(sc -> sc.render(report));
        String markdown = comment.map(c -> c.body()).orElseGet(() -> ReportMarkdown.render(report));
        Optional<PublishResult> published = Optional.empty();
        if (request.push() && nothingNew(previous, report)
                && !request.freshness(config.config().get().report()).heartbeatDue(previous, request.now())
                && badgeShows(workspace, request, shard.isAll() ? previous : previousReport(workspace, request))) {
            LOG.info("nothing changed since the last report; nothing to commit");
        } else if (request.push()) {
            try {
                published = Optional.of(publish(workspace, request, report, markdown, shard));
            } catch (GitException e) {
                // the tables were changed already: the caller prints what was applied along with the refusal
                return new RunResult(report, markdown, Optional.empty(), comment.map(c -> c.full()).orElse(markdown),
                        Optional.of(e.getMessage()));
            }
        }
        return new RunResult(report, markdown, published, comment.map(c -> c.full()).orElse(markdown));
    }

    /**
     * The pre-flight of the named accounts these tables live in: each account's role is assumed once, with the
     * provider its clients sign with, before any of its tables is read. An account whose role refuses maps to the
     * one line that fails all of its tables (no call is made for them); the other accounts go on.
     */
    private Map<String, String> unreachableAccounts(List<TableManifest> tables) {
        Map<String, String> unreachable = new java.util.TreeMap<>();
        tables.stream().map(m -> m.tableId().account()).distinct().forEach(account ->
                io.ddbgitops.aws.Preflight.refusal(clients, account).ifPresent(refused -> {
                    LOG.error("{}; its tables are not read", refused);
                    unreachable.put(account, refused);
                }));
        return unreachable;
    }

    /**
     * A broken repository config stops the run before any table is read: its policy cannot be trusted, and no
     * policy must never be assumed for a broken one. The report lists the errors; nothing is pushed, so the last
     * good report (and what it says was applied) stays in place.
     */
    private static RunResult invalidConfig(ConfigLoad config, LoadResult loaded, boolean apply, RunRequest request,
                                           String head) {
        LOG.error("{} is invalid; nothing is planned or applied", RepositoryConfig.FILE);
        ReportBuilder builder = new ReportBuilder(apply ? DriftReport.APPLY : DriftReport.PLAN, Optional.empty());
        builder.invalid(1, config.errors());
        LoadResult manifests = ConfigLoad.withoutConfigFile(loaded);
        builder.invalid(manifests.invalidManifests(), manifests.errors());
        builder.policy("invalid — " + RepositoryConfig.FILE + " has errors, so nothing was planned or applied");
        DriftReport report = builder.build().checked(request.now(), head);
        return new RunResult(report, ReportMarkdown.render(report), Optional.empty());
    }

    private Optional<PullRequestScope> pullRequestScope(JGitWorkspace workspace, LoadResult loaded,
                                                        Optional<PullRequest> pullRequest) throws GitException {
        if (pullRequest.isEmpty()) {
            return Optional.empty();
        }
        PullRequestScope scope = PullRequestScope.of(workspace, loader, loaded, pullRequest.get());
        LOG.info("pull request against {}: {} manifest(s) to plan, {} table(s) no longer declared",
                pullRequest.get().baseRef(), scope.loaded().manifests().size(), scope.undeclared().size());
        return Optional.of(scope);
    }

    /**
     * One table: read, plan, apply, backups. Whatever goes wrong ends in this table's report entry, never in the
     * other tables: after the run's deadline a table is not started; a failure is reported with its AWS error code
     * and what the next run does; a create that finds the table already made (another run raced us) re-reads the
     * table and plans again.
     */
    private void reconcile(TableManifest manifest, RunRequest request, PlanSettings settings, ReportBuilder builder,
                           RegionListings listings) {
        if (deadline.passed()) {
            LOG.warn("{}: not reached before {}", manifest.tableId(), deadline.describe());
            builder.failed(manifest, "timed out: not reached before " + deadline.describe()
                    + "; the next run reconciles it");
            return;
        }
        // every log line about this table, ours and the SDK's, names it
        try (MDC.MDCCloseable table = MDC.putCloseable("table", manifest.tableId().toString())) {
            reconcileTable(manifest, request, settings, builder, listings, true);
        } catch (RuntimeException e) {
            String reason = "failed unexpectedly: " + AwsErrors.failure(e);
            LOG.error("{}: {}", manifest.tableId(), reason);
            builder.failed(manifest, reason);
        }
    }

    private void reconcileTable(TableManifest manifest, RunRequest request, PlanSettings settings,
                                ReportBuilder builder, RegionListings listings, boolean mayReplan) {
        Optional<ObservedTable> observed;
        LiveStateReader.LiveTable live;
        try {
            // after a create race the table is read on its own: the region's listing predates it
            live = reader.read(manifest.tableId(), ReadNeeds.of(manifest, builder.previouslyApplied(manifest.tableId())),
                    mayReplan ? listings : new RegionListings(clients, false));
            observed = live.table();
        } catch (SdkException e) {
            String reason = AwsErrors.timedOut(e) && deadline.passed()
                    ? "timed out: the live table could not be read before " + deadline.describe()
                    + "; the next run reconciles it"
                    : "cannot read the live table: " + AwsErrors.failure(e);
            LOG.error("{}: {}", manifest.tableId(), reason);
            builder.failed(manifest, reason);
            return;
        }
        TablePlanner planner = new TablePlanner(settings);
        TablePlan plan = planner.plan(manifest, observed, builder.previouslyApplied(manifest.tableId()),
                builder.previousHistory(manifest.tableId()), request.now());
        LOG.info("{} ({}): {}, {} change(s)", manifest.tableId(), manifest.id(), plan.status().label(),
                plan.changes().size());
        boolean applied = true;
        Optional<PitrWindow> pitr = live.pitr();
        if (request.mode() == RunRequest.Mode.APPLY && plan.hasWrites()) {
            DynamoDbApplier.ApplyOutcome outcome = applier.apply(plan, settings.waitForLongWork());
            if (outcome.tableExists() && mayReplan) {
                LOG.info("{}: {}; reading it again and planning anew", manifest.tableId(), outcome.failure().orElse(""));
                reconcileTable(manifest, request, settings, builder, listings, false);
                return;
            }
            boolean wasProvisioned = observed.map(o -> o.billingMode() == BillingMode.PROVISIONED).orElse(false);
            builder.planned(plan, true, outcome.tableExists()
                            ? outcome.failure().map(f -> f + "; will retry on the next run") : outcome.failure(),
                    outcome.progress(), plan.history().after(outcome.done(), wasProvisioned, request.now()),
                    request.now());
            applied = outcome.ok();
            pitr = knownPitr(live, outcome.done());
        } else {
            builder.planned(plan, request.mode() == RunRequest.Mode.APPLY, Optional.empty());
        }
        if (applied) {
            backups(manifest, plan, observed.isPresent(), request, builder, pitr, listings);
        }
    }

    /**
     * The point-in-time recovery window as the live read answered it, unless this run changed it: a table just created
     * has it off (nothing to read), a PITR update or a restore makes it unknown (read again).
     */
    private static Optional<PitrWindow> knownPitr(LiveStateReader.LiveTable live, List<Action> done) {
        if (done.stream().anyMatch(a -> a instanceof Action.UpdatePitr || a instanceof Action.RestoreTable)) {
            return Optional.empty();
        }
        if (done.stream().anyMatch(a -> a instanceof Action.CreateTable)) {
            return Optional.of(PitrWindow.disabled());
        }
        return live.pitr();
    }

    /**
     * After a table's settings are applied (or it was in sync), its backup plan runs: apply takes the backup
     * that is due and applies retention; plan only reports what is due. Tables that are not ours are left alone.
     */
    private void backups(TableManifest manifest, TablePlan plan, boolean existed, RunRequest request,
                         ReportBuilder builder, Optional<PitrWindow> knownPitr, RegionListings listings) {
        if (plan.status() == TableStatus.UNMANAGED) {
            return;
        }
        boolean apply = request.mode() == RunRequest.Mode.APPLY;
        if (!apply && !existed && manifest.options().backup().schedule().isEmpty()) {
            return;
        }
        BackupRun run = deadline.passed()
                ? new BackupRun(Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(),
                        List.of("timed out: backups not checked before " + deadline.describe()
                                + "; the next run takes any that is due"))
                : backups.run(manifest, request.now(), apply, knownPitr, Optional.of(listings));
        run.failures().forEach(f -> LOG.error("{}: {}", manifest.tableId(), f));
        builder.backup(manifest, BackupReporting.entry(manifest.tableName(), run, request.now()));
    }

    /**
     * A quiet run whose tables are in the state the previous report left them in commits nothing, even though
     * that report still tells what its own run did ("created", "drifted").
     */
    private static boolean nothingNew(Optional<DriftReport> previous, DriftReport report) {
        return report.isQuiet() && previous.map(DriftReport::settled).equals(Optional.of(report.settled()));
    }

    static Optional<DriftReport> previousReport(JGitWorkspace workspace, RunRequest request)
            throws GitException {
        return committedFile(workspace, request, REPORT_JSON).flatMap(ReportJson::read);
    }

    /**
     * A shard's previous report is its own file (so a quiet shard commits nothing); before its first run, the
     * whole report, whose entries for this shard's tables carry what was applied.
     */
    private static Optional<DriftReport> previousReport(JGitWorkspace workspace, RunRequest request, Shard shard)
            throws GitException {
        Optional<DriftReport> own = shard.isAll() ? Optional.empty()
                : committedFile(workspace, request, ShardPublish.file(shard)).flatMap(ReportJson::read);
        return own.isPresent() ? own : previousReport(workspace, request);
    }

    /** False when the committed badge is not the one the previous report makes (a failed run's badge, say). */
    private static boolean badgeShows(JGitWorkspace workspace, RunRequest request, Optional<DriftReport> previous)
            throws GitException {
        return previous.isPresent()
                && committedFile(workspace, request, REPORT_BADGE).equals(Optional.of(ReportBadge.svg(previous.get())));
    }

    static Optional<String> committedFile(JGitWorkspace workspace, RunRequest request, String path)
            throws GitException {
        // Read from git objects, not the working tree: a committed link at drift/report.json is a link blob there,
        // never followed to a file outside the repository.
        if (request.reportBranch().isPresent() && !request.reportBranch().get().equals(workspace.branch())) {
            return workspace.readFile(request.reportBranch().get(), path);
        }
        return workspace.readCommittedFile(path);
    }

    /**
     * A run that fails before it can report leaves no green badge behind: when it may push, it replaces only the
     * badge with one saying the run failed, and when. A failure to do so is logged; the run's own error wins.
     */
    static void publishFailure(JGitWorkspace workspace, RunRequest request, Optional<DriftReport> previous) {
        if (!request.push()) {
            return;
        }
        try {
            PublishResult result = workspace.publish("ddb-gitops: run failed before it could report\n\n[skip ci]\n",
                    request.author(), request.reportBranch(), true,
                    ReportWriter.files(Map.of(REPORT_BADGE, ReportBadge.failed(previous, request.now()))));
            LOG.warn("the run failed; badge marked failed: {} on {}", result.status(), result.branch());
        } catch (GitException | RuntimeException e) {
            LOG.error("the run failed, and the badge could not be marked failed either: {}", e.getMessage());
        }
    }

    private static PublishResult publish(JGitWorkspace workspace, RunRequest request, DriftReport report,
                                         String markdown, Shard shard) throws GitException {
        String message = CommitMessage.of(report) + (shard.isAll() ? "" : "\n\nshard " + shard.name());
        PublishResult result = workspace.publish(message, request.author(), request.reportBranch(), true,
                ShardPublish.writer(shard, report, markdown));
        LOG.info("report: {} on {}{}", result.status(), result.branch(),
                result.commitId().map(id -> " (" + id + ")").orElse(""));
        return result;
    }

    /** One table's report entries, as its task left them. */
    private record TableDone(String table, ReportBuilder part) implements TableRuns.Named {
        @Override
        public String status() {
            return part.lastStatus();
        }
    }
}
