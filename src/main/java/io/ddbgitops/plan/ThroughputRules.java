package io.ddbgitops.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * DynamoDB's rate limits on throughput and billing changes, as pure functions of the history DescribeTable
 * reports and the clock. A change that is not allowed yet is reported as blocked with the time it becomes
 * possible, never retried in a loop.
 */
final class ThroughputRules {
    /** Decreases allowed at any time in a UTC day. */
    static final int FREE_DECREASES = 4;
    /** 4 free decreases plus one per hour without a decrease in the preceding hour. */
    static final int MAX_DECREASES = 27;
    static final Duration DECREASE_SPACING = Duration.ofHours(1);
    static final Duration ON_DEMAND_SWITCH_SPACING = Duration.ofHours(24);

    private ThroughputRules() {}

    /** When the next provisioned-throughput decrease is allowed; empty when it is allowed now. */
    static Optional<Instant> nextDecrease(ThroughputHistory history, Instant now) {
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        Instant nextMidnight = midnight.plus(Duration.ofDays(1));
        boolean countIsToday = history.lastDecrease().map(t -> !t.isBefore(midnight)).orElse(true);
        int today = countIsToday ? history.decreasesToday() : 0;
        if (today < FREE_DECREASES) {
            return Optional.empty();
        }
        if (today >= MAX_DECREASES) {
            return Optional.of(nextMidnight);
        }
        Instant hourAfterLast = history.lastDecrease().map(t -> t.plus(DECREASE_SPACING)).orElse(now);
        if (!now.isBefore(hourAfterLast)) {
            return Optional.empty();
        }
        return Optional.of(hourAfterLast.isBefore(nextMidnight) ? hourAfterLast : nextMidnight);
    }

    /** When a switch from PROVISIONED to PAY_PER_REQUEST is allowed again; empty when it is allowed now. */
    static Optional<Instant> nextSwitchToOnDemand(ThroughputHistory history, Instant now) {
        return history.lastSwitchToPayPerRequest()
                .map(t -> t.plus(ON_DEMAND_SWITCH_SPACING))
                .filter(next -> now.isBefore(next));
    }
}
