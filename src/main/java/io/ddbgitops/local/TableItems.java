package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reads every item of a table and writes items back, through DynamoDB Local, in DynamoDB JSON. */
final class TableItems {
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int MAX_UNPROCESSED_ROUNDS = 100;

    private final Engine engine;

    TableItems(Engine engine) {
        this.engine = engine;
    }

    /** A consistent, paged Scan; each call has its own cursor, so concurrent backups do not interfere. */
    List<JsonNode> scanAll(TableKey table) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode startKey = null;
        do {
            ObjectNode request = Json.object().put("TableName", table.table()).put("ConsistentRead", true);
            if (startKey != null) {
                request.set("ExclusiveStartKey", startKey);
            }
            ObjectNode page = engine.call(table.region(), "Scan", request);
            page.path("Items").forEach(items::add);
            startKey = page.get("LastEvaluatedKey");
        } while (startKey != null && startKey.size() > 0);
        return items;
    }

    void writeAll(TableKey table, List<JsonNode> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
            ArrayNode writes = Json.array();
            items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT))
                    .forEach(item -> writes.addObject().putObject("PutRequest").set("Item", item));
            write(table, writes);
        }
    }

    private void write(TableKey table, ArrayNode writes) {
        JsonNode pending = writes;
        for (int round = 0; round < MAX_UNPROCESSED_ROUNDS && pending.size() > 0; round++) {
            ObjectNode request = Json.object();
            request.putObject("RequestItems").set(table.table(), pending);
            ObjectNode response = engine.call(table.region(), "BatchWriteItem", request);
            pending = response.path("UnprocessedItems").path(table.table());
        }
        if (pending.size() > 0) {
            throw new IllegalStateException("DynamoDB Local kept " + pending.size() + " items of " + table.table()
                    + " unprocessed");
        }
    }
}
