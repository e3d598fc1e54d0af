package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/** UpdateContinuousBackups and DescribeContinuousBackups: point-in-time recovery settings per table. */
final class ContinuousBackupOperations {
    private static final double LATEST_RESTORABLE_LAG_SECONDS = 300;

    private final FrontState state;
    private final Engine engine;
    private final Clock clock;

    ContinuousBackupOperations(FrontState state, Engine engine, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.clock = clock;
    }

    WireResponse describe(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        return WireResponse.ok(describe(state.pitr(table)));
    }

    WireResponse update(String region, ObjectNode request) {
        JsonNode spec = request.path("PointInTimeRecoverySpecification");
        if (!spec.path("PointInTimeRecoveryEnabled").isBoolean()) {
            throw AwsException.validation("1 validation error detected: Value null at "
                    + "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint:"
                    + " Member must not be null");
        }
        int period = spec.path("RecoveryPeriodInDays").asInt(PitrSetting.DEFAULT_PERIOD_DAYS);
        if (period < 1 || period > PitrSetting.DEFAULT_PERIOD_DAYS) {
            throw AwsException.validation("1 validation error detected: Value '" + period
                    + "' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint:"
                    + " Member must have value between 1 and 35");
        }
        TableKey table = existingTable(region, request);
        boolean enable = spec.path("PointInTimeRecoveryEnabled").asBoolean();
        PitrSetting current = state.pitr(table);
        PitrSetting next;
        if (!enable) {
            next = PitrSetting.DISABLED;
        } else if (current.enabled()) {
            // changing the period keeps the window that has accumulated since PITR was turned on
            next = new PitrSetting(true, period, current.enabledAt());
        } else {
            next = new PitrSetting(true, period, nowSeconds());
        }
        state.setPitr(table, next);
        return WireResponse.ok(describe(next));
    }

    private ObjectNode describe(PitrSetting setting) {
        ObjectNode pitr = Json.object().put("PointInTimeRecoveryStatus", setting.enabled() ? "ENABLED" : "DISABLED");
        if (setting.enabled()) {
            double now = nowSeconds();
            double earliest = Math.max(setting.enabledAt(), now - setting.recoveryPeriodInDays() * 86_400.0);
            double latest = Math.max(earliest, now - LATEST_RESTORABLE_LAG_SECONDS);
            pitr.put("RecoveryPeriodInDays", setting.recoveryPeriodInDays());
            pitr.set("EarliestRestorableDateTime", TableDescriptions.seconds(earliest));
            pitr.set("LatestRestorableDateTime", TableDescriptions.seconds(latest));
        }
        ObjectNode description = Json.object().put("ContinuousBackupsStatus", "ENABLED");
        description.set("PointInTimeRecoveryDescription", pitr);
        return Json.object().set("ContinuousBackupsDescription", description);
    }

    private TableKey existingTable(String region, ObjectNode request) {
        TableKey table = TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
        if (engine.describeTable(table.region(), table.table()).isEmpty()) {
            throw AwsException.tableNotFound(table.table());
        }
        return table;
    }

    private double nowSeconds() {
        return clock.millis() / 1000.0;
    }
}
