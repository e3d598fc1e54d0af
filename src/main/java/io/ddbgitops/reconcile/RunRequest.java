package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the job: which repository and branch, whether to apply or only plan, whether to commit and push
 * the report (and to which branch), and the clock the planner uses.
 */
public record RunRequest(
        Mode mode,
        String repo,
        Optional<String> branch,
        boolean push,
        Optional<String> reportBranch,
        Instant now,
        GitAuth auth,
        CommitAuthor author) {

    public enum Mode { PLAN, APPLY }

    public RunRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(now, "now");
    }
}
