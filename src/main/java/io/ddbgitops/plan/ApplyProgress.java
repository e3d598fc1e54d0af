package io.ddbgitops.plan;

import java.util.List;

/**
 * What an apply left unfinished on one table without failing: long work it started and did not wait for, actions it
 * did not try because that work keeps the table busy (the next run continues with them), and actions AWS refused
 * for a quota (reported blocked with AWS's message, not retried). {@code notes} are what the report should say about
 * work done (an import's ARN and counts); {@code recorded} are fields known to be applied even if a later action of
 * the table failed (an import AWS accepted: its table is ours from then on).
 */
public record ApplyProgress(List<Action> started, List<Action> pending, List<Refusal> refused, List<String> notes,
                            java.util.Map<String, String> recorded) {
    public ApplyProgress {
        started = List.copyOf(started);
        pending = List.copyOf(pending);
        refused = List.copyOf(refused);
        notes = List.copyOf(notes);
        recorded = java.util.Map.copyOf(recorded);
    }

    public ApplyProgress(List<Action> started, List<Action> pending, List<Refusal> refused) {
        this(started, pending, refused, List.of(), java.util.Map.of());
    }

    public static ApplyProgress none() {
        return new ApplyProgress(List.of(), List.of(), List.of());
    }

    /** An action AWS refused for a quota, with AWS's error code and message. */
    public record Refusal(Action action, String message) {}
}
