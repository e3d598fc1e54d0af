package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * RestoreTableFromBackup: creates the target table in DynamoDB Local with the backup's schema (or the request's
 * overrides) and writes the backup's items into it before answering, so the table is complete once it exists.
 */
final class RestoreOperation {
    private final FrontState state;
    private final Engine engine;
    private final TableItems items;
    private final Clock clock;

    RestoreOperation(FrontState state, Engine engine, TableItems items, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.items = items;
        this.clock = clock;
    }

    WireResponse restore(String region, ObjectNode request) {
        String arn = Json.requiredText(request, "BackupArn");
        TableKey target = new TableKey(region, Json.requiredText(request, "TargetTableName"));
        Backup backup = state.backup(arn).orElseThrow(() -> AwsException.backupNotFound(arn));
        if (!backup.available()) {
            throw AwsException.backupInUse(arn);
        }
        if (engine.describeTable(region, target.table()).isPresent()) {
            throw AwsException.tableAlreadyExists(target.table());
        }
        engine.call(region, "CreateTable", createTableRequest(backup, target, request));
        items.writeAll(target, backup.items());
        ObjectNode description = engine.describeTable(region, target.table())
                .orElseThrow(() -> AwsException.tableNotFound(target.table()));
        TableDescriptions.fix(description, region);
        ObjectNode summary = description.putObject("RestoreSummary")
                .put("SourceBackupArn", backup.arn())
                .put("SourceTableArn", backup.tableArn())
                .put("RestoreInProgress", false);
        summary.set("RestoreDateTime", TableDescriptions.seconds(clock.millis() / 1000.0));
        return WireResponse.ok(Json.object().set("TableDescription", description));
    }

    private static ObjectNode createTableRequest(Backup backup, TableKey target, ObjectNode request) {
        JsonNode source = backup.sourceTable();
        String billingMode = Json.text(request, "BillingModeOverride")
                .orElse(BackupDescriptions.billingMode(source));
        boolean provisioned = billingMode.equals("PROVISIONED");
        ObjectNode create = Json.object().put("TableName", target.table()).put("BillingMode", billingMode);
        create.set("AttributeDefinitions", source.path("AttributeDefinitions").deepCopy());
        create.set("KeySchema", source.path("KeySchema").deepCopy());
        if (provisioned) {
            create.set("ProvisionedThroughput", request.has("ProvisionedThroughputOverride")
                    ? request.get("ProvisionedThroughputOverride").deepCopy()
                    : throughput(source.path("ProvisionedThroughput")));
        }
        ArrayNode gsis = request.has("GlobalSecondaryIndexOverride")
                ? (ArrayNode) request.get("GlobalSecondaryIndexOverride").deepCopy()
                : indexes(source.path("GlobalSecondaryIndexes"), provisioned);
        ArrayNode lsis = request.has("LocalSecondaryIndexOverride")
                ? (ArrayNode) request.get("LocalSecondaryIndexOverride").deepCopy()
                : indexes(source.path("LocalSecondaryIndexes"), false);
        if (!gsis.isEmpty()) {
            create.set("GlobalSecondaryIndexes", gsis);
        }
        if (!lsis.isEmpty()) {
            create.set("LocalSecondaryIndexes", lsis);
        }
        return create;
    }

    /** Index descriptions carry status, size and ARN; CreateTable takes only the definition. */
    private static ArrayNode indexes(JsonNode described, boolean withThroughput) {
        ArrayNode definitions = Json.array();
        for (JsonNode index : described) {
            ObjectNode definition = definitions.addObject();
            definition.set("IndexName", index.get("IndexName"));
            definition.set("KeySchema", index.get("KeySchema"));
            definition.set("Projection", index.get("Projection"));
            if (withThroughput) {
                definition.set("ProvisionedThroughput", throughput(index.path("ProvisionedThroughput")));
            }
        }
        return definitions;
    }

    private static ObjectNode throughput(JsonNode described) {
        return Json.object()
                .put("ReadCapacityUnits", Math.max(1, described.path("ReadCapacityUnits").asLong()))
                .put("WriteCapacityUnits", Math.max(1, described.path("WriteCapacityUnits").asLong()));
    }
}
