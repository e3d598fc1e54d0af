package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * RestoreTableToPointInTime: a new table with the source's schema, indexes and billing (or the request's
 * overrides) holding the source's items as of the instant, to the millisecond. Like every restored table it starts
 * with PITR off and no tags.
 */
final class PointInTimeRestoreOperation {
    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private final FrontState state;
    private final Engine engine;
    private final TableItems items;
    private final PitrHistory history;
    private final Clock clock;

    PointInTimeRestoreOperation(FrontState state, Engine engine, TableItems items, PitrHistory history,
            Clock clock) {
        this.state = state;
        this.engine = engine;
        this.items = items;
        this.history = history;
        this.clock = clock;
    }

    WireResponse restore(String region, ObjectNode request) {
        TableKey source = source(region, request);
        TableKey target = new TableKey(region, Json.requiredText(request, "TargetTableName"));
        // AWS's model has no SourceTableNotFoundException; a missing source is TableNotFoundException
        ObjectNode description = engine.describeTable(source.region(), source.table())
                .orElseThrow(() -> AwsException.tableNotFound(source.table()));
        PitrSetting pitr = state.pitr(source);
        if (!pitr.enabled()) {
            throw new AwsException(DYNAMODB + "PointInTimeRecoveryUnavailableException",
                    "Point in time recovery is not enabled for table '" + source.table() + "'");
        }
        long now = clock.millis();
        long earliest = pitr.earliestRestorableMillis(now);
        long at = restoreMillis(request, now);
        if (at < earliest || at > now) {
            throw new AwsException(DYNAMODB + "InvalidRestoreTimeException", "Restore time " + Instant.ofEpochMilli(at)
                    + " is outside the restorable window [" + Instant.ofEpochMilli(earliest) + ", "
                    + Instant.ofEpochMilli(now) + "] of table " + source.table());
        }
        if (engine.describeTable(region, target.table()).isPresent()) {
            throw AwsException.tableAlreadyExists(target.table());
        }
        List<JsonNode> restored = history.itemsAt(source, at);
        engine.call(region, "CreateTable",
                TableDefinitions.createTableRequest(description, target.table(), request));
        items.writeAll(target, restored);
        ObjectNode created = engine.describeTable(region, target.table())
                .orElseThrow(() -> AwsException.tableNotFound(target.table()));
        TableDescriptions.fix(created, region);
        ObjectNode summary = created.putObject("RestoreSummary")
                .put("SourceTableArn", source.arn())
                .put("RestoreInProgress", false);
        summary.set("RestoreDateTime", TableDescriptions.seconds(at / 1000.0));
        return WireResponse.ok(Json.object().set("TableDescription", created));
    }

    private static TableKey source(String region, ObjectNode request) {
        if (request.hasNonNull("SourceTableArn")) {
            String arn = request.get("SourceTableArn").asText();
            return TableArns.parse(arn, region)
                    .orElseThrow(() -> AwsException.validation("Invalid SourceTableArn: " + arn));
        }
        if (request.hasNonNull("SourceTableName")) {
            return TableArns.nameOrArn(request.get("SourceTableName").asText(), region);
        }
        throw AwsException.validation("Either SourceTableArn or SourceTableName must be given");
    }

    private static long restoreMillis(ObjectNode request, long now) {
        boolean latest = request.path("UseLatestRestorableTime").asBoolean(false);
        JsonNode at = request.get("RestoreDateTime");
        if (latest && at != null) {
            throw AwsException.validation("Only one of RestoreDateTime and UseLatestRestorableTime may be given");
        }
        if (latest) {
            return now;
        }
        if (at == null || !at.isNumber()) {
            throw AwsException.validation("Either RestoreDateTime or UseLatestRestorableTime must be given");
        }
        // epoch seconds with milliseconds, as the SDK sends them; rounding undoes the binary fraction's error
        return Math.round(at.asDouble() * 1000);
    }
}
