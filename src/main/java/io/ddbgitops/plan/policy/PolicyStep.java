package io.ddbgitops.plan.policy;

import java.util.Optional;

/**
 * One resource-policy call. Each carries the revision the plan saw ({@code ExpectedRevisionId}; {@code NO_POLICY}
 * when it saw none), so a policy changed by someone else between our read and our write is refused by DynamoDB
 * rather than overwritten unseen.
 */
public sealed interface PolicyStep {
    /** AWS's ExpectedRevisionId for "attach only if the resource has no policy". */
    String NO_POLICY = "NO_POLICY";

    String describe();

    record Put(String policy, String expectedRevisionId) implements PolicyStep {
        @Override
        public String describe() {
            return NO_POLICY.equals(expectedRevisionId) ? "attach the resource policy"
                    : "replace the resource policy (revision " + expectedRevisionId + ")";
        }
    }

    record Delete(Optional<String> expectedRevisionId) implements PolicyStep {
        @Override
        public String describe() {
            return "delete the resource policy" + expectedRevisionId.map(r -> " (revision " + r + ")").orElse("");
        }
    }
}
