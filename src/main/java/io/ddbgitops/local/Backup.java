package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An on-demand backup: the source table's description at backup time (key schema, attributes, indexes,
 * throughput) and its items in DynamoDB JSON. createdAt is epoch seconds.
 */
record Backup(String arn, String name, String region, String table, String status, double createdAt,
        long sizeBytes, ObjectNode sourceTable, List<JsonNode> items) {
    static final String CREATING = "CREATING";
    static final String AVAILABLE = "AVAILABLE";

    Backup {
        items = List.copyOf(items);
        sourceTable = sourceTable.deepCopy();
    }

    Backup completed(List<JsonNode> scannedItems, long scannedBytes) {
        return new Backup(arn, name, region, table, AVAILABLE, createdAt, scannedBytes, sourceTable, scannedItems);
    }

    boolean available() {
        return status.equals(AVAILABLE);
    }

    String tableArn() {
        return TableArns.of(region, table);
    }
}
