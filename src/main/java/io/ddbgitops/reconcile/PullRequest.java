package io.ddbgitops.reconcile;

import java.util.Objects;
import java.util.Optional;

/**
 * A plan for a pull request: only the manifests that differ from {@code baseRef} are planned, and the report
 * is written to be posted as a comment. {@code linkPrefix} (e.g. {@code https://github.com/org/repo/blob/SHA})
 * turns file:line references into links. {@code detailUrl} is where the full plan will be (a CI artifact), linked
 * from the comment when the plan is too long to post whole.
 */
public record PullRequest(String baseRef, Optional<String> linkPrefix, Optional<String> detailUrl) {
    public PullRequest(String baseRef, Optional<String> linkPrefix) {
        this(baseRef, linkPrefix, Optional.empty());
    }

    public PullRequest {
        Objects.requireNonNull(detailUrl, "detailUrl");
        Objects.requireNonNull(baseRef, "baseRef");
        Objects.requireNonNull(linkPrefix, "linkPrefix");
        if (baseRef.isBlank()) {
            throw new IllegalArgumentException("The base ref of a pull request must not be blank");
        }
    }
}
