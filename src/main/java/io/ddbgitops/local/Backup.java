package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A backup: the source table's description at backup time (key schema, attributes, indexes, throughput) and its
 * items in DynamoDB JSON. createdAt is epoch seconds. {@code type} is USER (CreateBackup) or SYSTEM (made by
 * DynamoDB when a table with PITR on is deleted); files written before types existed read as USER.
 */
record Backup(String arn, String name, String region, String table, String status, double createdAt,
        long sizeBytes, ObjectNode sourceTable, List<JsonNode> items, String type) {
    static final String CREATING = "CREATING";
    static final String AVAILABLE = "AVAILABLE";
    static final String USER = "USER";
    static final String SYSTEM = "SYSTEM";
    /** A system backup is kept for 35 days after the deletion that made it. */
    static final long SYSTEM_RETENTION_MILLIS = 35L * 86_400_000L;

    Backup {
        items = List.copyOf(items);
        sourceTable = sourceTable.deepCopy();
        type = type == null ? USER : type;
    }

    Backup completed(List<JsonNode> scannedItems, long scannedBytes) {
        return new Backup(arn, name, region, table, AVAILABLE, createdAt, scannedBytes, sourceTable, scannedItems,
                type);
    }

    /** Only system backups expire; user backups are kept until DeleteBackup. */
    boolean expiredAt(long nowMillis) {
        return type.equals(SYSTEM) && nowMillis - Math.round(createdAt * 1000) > SYSTEM_RETENTION_MILLIS;
    }

    boolean available() {
        return status.equals(AVAILABLE);
    }

    String tableArn() {
        return TableArns.of(region, table);
    }
}
