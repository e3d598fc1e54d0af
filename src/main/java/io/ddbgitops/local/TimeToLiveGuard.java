package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * UpdateTimeToLive as AWS answers it, before DynamoDB Local sees it. AWS first compares the request with the table's
 * TTL state (the operation is not idempotent), then refuses a second change within an hour of the last one; DynamoDB
 * Local does neither. Sources, checked 2026-12-01:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html (one change per hour,
 * ValidationException when TTL is already enabled), and DynamoDB's messages as clients match on them ("TimeToLive is
 * already enabled", "TimeToLive is already disabled", "TimeToLive is active on a different AttributeName: current
 * AttributeName is ttl", the last captured from DynamoDB on a table whose TTL had just been changed, so the state is
 * checked before the hourly limit).
 */
final class TimeToLiveGuard {
    private static final double INTERVAL_SECONDS = 3600;

    private final FrontState state;
    private final Engine engine;
    private final Clock clock;

    TimeToLiveGuard(FrontState state, Engine engine, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.clock = clock;
    }

    void checkChangeAllowed(TableKey table, ObjectNode request) {
        JsonNode spec = request.path("TimeToLiveSpecification");
        if (spec.path("Enabled").isBoolean()) {
            checkAgainstState(table, spec.get("Enabled").asBoolean(), spec.path("AttributeName").asText(""));
        }
        double last = state.features(table).ttlChangedAt();
        if (last > 0 && now() - last < INTERVAL_SECONDS) {
            throw AwsException.validation("Time to live has been modified multiple times within a fixed interval");
        }
    }

    private void checkAgainstState(TableKey table, boolean enable, String attribute) {
        JsonNode current = engine.call(table.region(), "DescribeTimeToLive",
                Json.object().put("TableName", table.table())).path("TimeToLiveDescription");
        boolean enabled = current.path("TimeToLiveStatus").asText("DISABLED").equals("ENABLED");
        String currentAttribute = current.path("AttributeName").asText("");
        if (enabled && !currentAttribute.equals(attribute)) {
            throw AwsException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                    + currentAttribute);
        }
        if (enable && enabled) {
            throw AwsException.validation("TimeToLive is already enabled");
        }
        if (!enable && !enabled) {
            throw AwsException.validation("TimeToLive is already disabled");
        }
    }

    void changed(TableKey table) {
        state.updateFeatures(table, f -> f.withTtlChangedAt(now()));
    }

    private double now() {
        return clock.millis() / 1000.0;
    }
}
