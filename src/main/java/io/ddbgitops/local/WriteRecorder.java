package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds point-in-time recovery: after a write to a table with PITR on has succeeded, reads the written keys back
 * and appends their current items (or their absence) to the table's {@link ChangeLog}. Reading back and appending
 * happen under one lock, so the last entry for a key is always its latest state.
 */
final class WriteRecorder {
    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");

    /** A key written in a table; {@code keySource} is the Key, or an Item holding it. */
    private record Written(TableKey table, JsonNode keySource) {}

    private final FrontState state;
    private final PitrHistory history;
    private final Engine engine;
    private final Clock clock;

    WriteRecorder(FrontState state, PitrHistory history, Engine engine, Clock clock) {
        this.state = state;
        this.history = history;
        this.engine = engine;
        this.clock = clock;
    }

    /** Called after DynamoDB Local accepted the write; cheap when no table has PITR on. */
    void recordWrite(String operation, String region, byte[] body) {
        if (!state.anyPitrEnabled()) {
            return;
        }
        for (Written written : written(operation, region, Json.parseRequest(body))) {
            if (state.pitr(written.table()).enabled()) {
                record(written);
            }
        }
    }

    private void record(Written written) {
        synchronized (history) {
            Optional<List<String>> keyNames = history.keyNames(written.table());
            if (keyNames.isEmpty()) {
                return;
            }
            ObjectNode key = Json.object();
            keyNames.get().forEach(name -> key.set(name, written.keySource().get(name)));
            ObjectNode get = Json.object().put("TableName", written.table().table()).put("ConsistentRead", true);
            get.set("Key", key);
            JsonNode item = engine.call(written.table().region(), "GetItem", get).get("Item");
            history.append(written.table(), new ChangeLog.Change(clock.millis(), key, Optional.ofNullable(item)));
        }
    }

    private static List<Written> written(String operation, String region, ObjectNode request) {
        List<Written> written = new ArrayList<>();
        switch (operation) {
            case "PutItem" -> written.add(new Written(table(request, region), request.path("Item")));
            case "UpdateItem", "DeleteItem" -> written.add(new Written(table(request, region), request.path("Key")));
            case "BatchWriteItem" -> request.path("RequestItems").properties().forEach(tableWrites -> {
                TableKey table = TableArns.nameOrArn(tableWrites.getKey(), region);
                for (JsonNode write : tableWrites.getValue()) {
                    written.add(new Written(table, write.has("PutRequest")
                            ? write.path("PutRequest").path("Item") : write.path("DeleteRequest").path("Key")));
                }
            });
            case "TransactWriteItems" -> {
                for (JsonNode item : request.path("TransactItems")) {
                    for (Map.Entry<String, String> kind : Map.of("Put", "Item", "Update", "Key", "Delete", "Key")
                            .entrySet()) {
                        JsonNode action = item.get(kind.getKey());
                        if (action != null) {
                            written.add(new Written(table(action, region), action.path(kind.getValue())));
                        }
                    }
                }
            }
            default -> { }
        }
        return written;
    }

    private static TableKey table(JsonNode request, String region) {
        return TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
    }
}
