package io.ddbgitops.plan.replicas;

import java.util.List;

/**
 * What DescribeTable says about a table's multi-Region consistency: {@code MultiRegionConsistency} (STRONG or not),
 * the Regions of {@code GlobalTableWitnesses}, and {@code ItemCount}, which decides whether the table may still become
 * strongly consistent (AWS refreshes it about every six hours, so it is only a hint; see
 * {@link StrongConsistencyRules}).
 */
public record ObservedConsistency(boolean strong, List<String> witnesses, long itemCount) {
    public ObservedConsistency {
        witnesses = List.copyOf(witnesses);
    }

    /** An empty single-region table, or an endpoint that says nothing about consistency. */
    public static ObservedConsistency none() {
        return new ObservedConsistency(false, List.of(), 0);
    }
}
