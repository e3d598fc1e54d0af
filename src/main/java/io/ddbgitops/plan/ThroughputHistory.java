package io.ddbgitops.plan;

import java.time.Instant;
import java.util.Optional;

/** What DescribeTable says about past throughput and billing changes; the planner's rate limits read it. */
public record ThroughputHistory(
        int decreasesToday,
        Optional<Instant> lastDecrease,
        Optional<Instant> lastIncrease,
        Optional<Instant> lastSwitchToPayPerRequest) {

    public static ThroughputHistory none() {
        return new ThroughputHistory(0, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
