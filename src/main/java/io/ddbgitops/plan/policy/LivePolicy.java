package io.ddbgitops.plan.policy;

/** What GetResourcePolicy says about a table: no policy, a policy at a revision, or it could not be read. */
public sealed interface LivePolicy {

    record None() implements LivePolicy {
    }

    record Attached(String policy, String revisionId) implements LivePolicy {
    }

    /** Not readable (access denied, a throttle that outlasted the retries): the policy is left alone this run. */
    record Unreadable(String reason) implements LivePolicy {
    }

    static LivePolicy none() {
        return new None();
    }
}
