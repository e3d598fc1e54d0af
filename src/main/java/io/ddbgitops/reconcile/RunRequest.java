package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.plan.PlanSettings;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the job: which repository and branch, whether to apply or only plan, whether to commit and push
 * the report (and to which branch), the clock the planner uses, whether to prune tables we own whose
 * manifest was removed (off unless asked for), and the planner's settings (the account's decrease quota, and
 * whether to wait for long work such as index backfills; by default the run starts it and moves on).
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
        PlanSettings settings) {

    public enum Mode { PLAN, APPLY }

    public RunRequest(Mode mode, String repo, Optional<String> branch, boolean push, Optional<String> reportBranch,
                      Instant now, GitAuth auth, CommitAuthor author) {
        this(mode, repo, branch, push, reportBranch, now, auth, author, false);
    }

    public RunRequest(Mode mode, String repo, Optional<String> branch, boolean push, Optional<String> reportBranch,
                      Instant now, GitAuth auth, CommitAuthor author, boolean prune) {
        this(mode, repo, branch, push, reportBranch, now, auth, author, prune, PlanSettings.defaults());
    }

    /** The same run with these planner settings (decrease quota, waiting for long work). */
    public RunRequest withSettings(PlanSettings value) {
        return new RunRequest(mode, repo, branch, push, reportBranch, now, auth, author, prune, value);
    }

    public RunRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(now, "now");
    }
}
