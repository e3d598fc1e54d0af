package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes AWS uses to describe a backup: BackupDetails, BackupSummary and BackupDescription. */
final class BackupDescriptions {
    private BackupDescriptions() {}

    static ObjectNode details(Backup backup) {
        ObjectNode details = Json.object()
                .put("BackupArn", backup.arn())
                .put("BackupName", backup.name())
                .put("BackupSizeBytes", backup.sizeBytes())
                .put("BackupStatus", backup.status())
                .put("BackupType", backup.type());
        details.set("BackupCreationDateTime", TableDescriptions.seconds(backup.createdAt()));
        return details;
    }

    static ObjectNode summary(Backup backup) {
        ObjectNode summary = Json.object()
                .put("TableName", backup.table())
                .put("TableArn", backup.tableArn());
        copy(backup.sourceTable(), summary, "TableId");
        summary.setAll(details(backup));
        return summary;
    }

    static ObjectNode full(Backup backup) {
        ObjectNode description = Json.object();
        description.set("BackupDetails", details(backup));
        description.set("SourceTableDetails", sourceTableDetails(backup));
        description.set("SourceTableFeatureDetails", featureDetails(backup.sourceTable()));
        return description;
    }

    private static ObjectNode sourceTableDetails(Backup backup) {
        JsonNode table = backup.sourceTable();
        ObjectNode details = Json.object().put("TableName", backup.table()).put("TableArn", backup.tableArn());
        copy(table, details, "TableId");
        details.put("TableSizeBytes", backup.sizeBytes());
        copy(table, details, "KeySchema");
        copy(table, details, "CreationDateTime", "TableCreationDateTime");
        details.putObject("ProvisionedThroughput")
                .put("ReadCapacityUnits", table.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong())
                .put("WriteCapacityUnits", table.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong());
        details.put("ItemCount", backup.items().size());
        details.put("BillingMode", billingMode(table));
        return details;
    }

    private static ObjectNode featureDetails(JsonNode table) {
        ObjectNode features = Json.object();
        ArrayNode lsis = features.putArray("LocalSecondaryIndexes");
        table.path("LocalSecondaryIndexes").forEach(i -> lsis.add(index(i, false)));
        ArrayNode gsis = features.putArray("GlobalSecondaryIndexes");
        table.path("GlobalSecondaryIndexes").forEach(i -> gsis.add(index(i, true)));
        copy(table, features, "StreamSpecification", "StreamDescription");
        return features;
    }

    private static ObjectNode index(JsonNode index, boolean global) {
        ObjectNode out = Json.object();
        copy(index, out, "IndexName");
        copy(index, out, "KeySchema");
        copy(index, out, "Projection");
        if (global) {
            out.putObject("ProvisionedThroughput")
                    .put("ReadCapacityUnits", index.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong())
                    .put("WriteCapacityUnits",
                            index.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong());
        }
        return out;
    }

    static String billingMode(JsonNode table) {
        return table.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        copy(from, to, field, field);
    }

    private static void copy(JsonNode from, ObjectNode to, String field, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value.deepCopy());
        }
    }
}
