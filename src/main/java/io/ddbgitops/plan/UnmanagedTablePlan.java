package io.ddbgitops.plan;

import java.util.List;

/**
 * What to do about one undeclared table: nothing (it is someone else's, or pruning was not asked for), or delete
 * it after a safety backup ({@code actions} then holds both, in that order).
 */
public record UnmanagedTablePlan(ForeignTable table, Disposition disposition, String message, List<Action> actions) {
    public enum Disposition { REPORTED, PRUNE, PROTECTED }

    public UnmanagedTablePlan {
        actions = List.copyOf(actions);
    }
}
