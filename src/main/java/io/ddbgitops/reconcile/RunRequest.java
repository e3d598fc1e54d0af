package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the job: which repository and branch, whether to apply or only plan, whether to commit and push
 * the report (and to which branch), the clock the planner uses, and whether to prune tables we own whose
 * manifest was removed (off unless asked for).
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
        boolean prune) {

    public enum Mode { PLAN, APPLY }

    public RunRequest(Mode mode, String repo, Optional<String> branch, boolean push, Optional<String> reportBranch,
                      Instant now, GitAuth auth, CommitAuthor author) {
        this(mode, repo, branch, push, reportBranch, now, auth, author, false);
    }

    public RunRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(now, "now");
    }
}
