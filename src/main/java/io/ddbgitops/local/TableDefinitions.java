package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a table description back into a CreateTable request: what restores (from a backup or a point in time) and
 * replicas need to recreate a table's schema, indexes and billing under another name or in another region.
 */
final class TableDefinitions {
    private TableDefinitions() {}

    /**
     * The source's definition named {@code target}; the restore overrides of {@code request}
     * (BillingModeOverride, ProvisionedThroughputOverride, GlobalSecondaryIndexOverride,
     * LocalSecondaryIndexOverride) win where present.
     */
    static ObjectNode createTableRequest(JsonNode source, String target, JsonNode request) {
        String billingMode = Json.text(request, "BillingModeOverride")
                .orElse(BackupDescriptions.billingMode(source));
        boolean provisioned = billingMode.equals("PROVISIONED");
        ObjectNode create = Json.object().put("TableName", target).put("BillingMode", billingMode);
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
