package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.config.Quotas;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.plan.PlanSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the job: which repository and branch, whether to apply or only plan, whether to commit and push
 * the report (and to which branch), the clock the planner uses, whether to prune tables we own whose
 * manifest was removed (off unless asked for), the account's decrease quota when the command line gives it (it wins
 * over the repository config's), and whether to wait for long work such as index backfills (by default the run
 * starts it and moves on).
 *
 * <p>{@code staleAfter} is the age at which a report counts as stale (the badge says so); a quiet run commits a
 * heartbeat once the committed report is older than half of it. Given on the command line it wins; else the
 * repository config's {@code report.stale_after}; else the default.
 */
public record RunRequest(
        Mode mode,
        String repo,
        Optional<String> branch,
        boolean push,
        Optional<String> reportBranch,
        Instant now,
        GitAuth auth,
        CommitAuthor author,
        boolean prune,
        Optional<Integer> throughputDecreasesPerDay,
        boolean waitForLongWork,
        Optional<Duration> staleAfter) {

    /** How old a report may get before the badge calls it stale, unless the repository's config says otherwise. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(26);

    public enum Mode { PLAN, APPLY }

    public RunRequest(Mode mode, String repo, Optional<String> branch, boolean push, Optional<String> reportBranch,
                      Instant now, GitAuth auth, CommitAuthor author) {
        this(mode, repo, branch, push, reportBranch, now, auth, author, false);
    }

    public RunRequest(Mode mode, String repo, Optional<String> branch, boolean push, Optional<String> reportBranch,
                      Instant now, GitAuth auth, CommitAuthor author, boolean prune) {
        this(mode, repo, branch, push, reportBranch, now, auth, author, prune, Optional.empty(), false);
    }

    public RunRequest(Mode mode, String repo, Optional<String> branch, boolean push, Optional<String> reportBranch,
                      Instant now, GitAuth auth, CommitAuthor author, boolean prune,
                      Optional<Integer> throughputDecreasesPerDay, boolean waitForLongWork) {
        this(mode, repo, branch, push, reportBranch, now, auth, author, prune, throughputDecreasesPerDay,
                waitForLongWork, Optional.empty());
    }

    public RunRequest(Mode mode, String repo, Optional<String> branch, boolean push, Optional<String> reportBranch,
                      Instant now, GitAuth auth, CommitAuthor author, boolean prune, Optional<Duration> staleAfter) {
        this(mode, repo, branch, push, reportBranch, now, auth, author, prune, Optional.empty(), false, staleAfter);
    }

    /** The same run with these planner settings; its decrease quota wins over the repository config's. */
    public RunRequest withSettings(PlanSettings value) {
        return new RunRequest(mode, repo, branch, push, reportBranch, now, auth, author, prune,
                Optional.of(value.throughputDecreasesPerDay()), value.waitForLongWork(), staleAfter);
    }

    /** The planner's settings: the command line's decrease quota, else the repository config's (AWS's default). */
    public PlanSettings settings(Quotas configured) {
        return new PlanSettings(throughputDecreasesPerDay.orElse(configured.throughputDecreasesPerDay()),
                waitForLongWork);
    }

    /** How old a report may get: this request's stale_after, else the repository config's, else the default. */
    public io.ddbgitops.report.Freshness freshness(io.ddbgitops.config.ReportSettings config) {
        return new io.ddbgitops.report.Freshness(staleAfter.or(config::staleAfter).orElse(DEFAULT_STALE_AFTER));
    }

    public RunRequest {
        Objects.requireNonNull(throughputDecreasesPerDay, "throughputDecreasesPerDay");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(staleAfter, "staleAfter");
        staleAfter.ifPresent(io.ddbgitops.report.Freshness::new); // validates
    }
}
