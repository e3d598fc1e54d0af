package io.ddbgitops.git;

import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link JGitWorkspace#publish}; {@code attempts} counts write-commit-push rounds. */
public record PublishResult(Status status, Optional<String> commitId, String branch, int attempts) {

    public enum Status { NOTHING_TO_COMMIT, PUSHED, COMMITTED_NOT_PUSHED }

    public PublishResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(branch, "branch");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1 but is " + attempts);
        }
    }

    static PublishResult nothingToCommit(String branch, int attempts) {
        return new PublishResult(Status.NOTHING_TO_COMMIT, Optional.empty(), branch, attempts);
    }

    static PublishResult pushed(String commitId, String branch, int attempts) {
        return new PublishResult(Status.PUSHED, Optional.of(commitId), branch, attempts);
    }

    static PublishResult committedNotPushed(String commitId, String branch, int attempts) {
        return new PublishResult(Status.COMMITTED_NOT_PUSHED, Optional.of(commitId), branch, attempts);
    }
}
