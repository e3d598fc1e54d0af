package io.ddbgitops.local;

import java.time.Clock;

/**
 * AWS refuses a second UpdateTimeToLive on a table within an hour of the last change; DynamoDB Local does not.
 * The front keeps the rule, so callers' handling of it can be exercised locally.
 */
final class TimeToLiveGuard {
    private static final double INTERVAL_SECONDS = 3600;

    private final FrontState state;
    private final Clock clock;

    TimeToLiveGuard(FrontState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    void checkChangeAllowed(TableKey table) {
        double last = state.features(table).ttlChangedAt();
        if (last > 0 && now() - last < INTERVAL_SECONDS) {
            throw AwsException.validation("Time to live has been modified multiple times within a fixed interval");
        }
    }

    void changed(TableKey table) {
        state.updateFeatures(table, f -> f.withTtlChangedAt(now()));
    }

    private double now() {
        return clock.millis() / 1000.0;
    }
}
