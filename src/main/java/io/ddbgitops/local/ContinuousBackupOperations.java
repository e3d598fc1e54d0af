package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * UpdateContinuousBackups and DescribeContinuousBackups: point-in-time recovery per table. Turning PITR on takes a
 * snapshot of the table that starts its {@link PitrHistory}; turning it off discards the history, as AWS does.
 */
final class ContinuousBackupOperations {
    private final FrontState state;
    private final Engine engine;
    private final TableItems items;
    private final PitrHistory history;
    private final Clock clock;

    ContinuousBackupOperations(FrontState state, Engine engine, TableItems items, PitrHistory history, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.items = items;
        this.history = history;
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
            history.drop(table);
        } else if (current.enabled()) {
            // changing the period keeps the window that has accumulated since PITR was turned on
            next = new PitrSetting(true, period, current.enabledAt());
        } else {
            next = startHistory(table, period);
        }
        state.setPitr(table, next);
        return WireResponse.ok(describe(next));
    }

    /** Writes are recorded from now on; the snapshot is their base. */
    private PitrSetting startHistory(TableKey table, int period) {
        ObjectNode description = engine.describeTable(table.region(), table.table())
                .orElseThrow(() -> AwsException.tableNotFound(table.table()));
        List<String> keyNames = new ArrayList<>();
        description.path("KeySchema").forEach(k -> keyNames.add(k.path("AttributeName").asText()));
        long now = clock.millis();
        // recording starts before the scan: a write the scan misses is in the log, one it sees is harmless there
        history.start(table, keyNames, now, List.of());
        state.setPitr(table, new PitrSetting(true, period, now / 1000.0));
        history.setBase(table, items.scanAll(table));
        return state.pitr(table);
    }

    private ObjectNode describe(PitrSetting setting) {
        ObjectNode pitr = Json.object().put("PointInTimeRecoveryStatus", setting.enabled() ? "ENABLED" : "DISABLED");
        if (setting.enabled()) {
            long now = clock.millis();
            pitr.put("RecoveryPeriodInDays", setting.recoveryPeriodInDays());
            pitr.set("EarliestRestorableDateTime",
                    TableDescriptions.seconds(setting.earliestRestorableMillis(now) / 1000.0));
            pitr.set("LatestRestorableDateTime", TableDescriptions.seconds(now / 1000.0));
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
}
