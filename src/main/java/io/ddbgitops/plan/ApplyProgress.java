package io.ddbgitops.plan;

import java.util.List;

/**
 * What an apply left unfinished on one table without failing: long work it started and did not wait for, actions it
 * did not try because that work keeps the table busy (the next run continues with them), and actions AWS refused
 * for a quota (reported blocked with AWS's message, not retried).
 */
public record ApplyProgress(List<Action> started, List<Action> pending, List<Refusal> refused) {
    public ApplyProgress {
        started = List.copyOf(started);
        pending = List.copyOf(pending);
        refused = List.copyOf(refused);
    }

    public static ApplyProgress none() {
        return new ApplyProgress(List.of(), List.of(), List.of());
    }

    /** An action AWS refused for a quota, with AWS's error code and message. */
    public record Refusal(Action action, String message) {}
}
