package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds point-in-time recovery: after a write to a table with PITR on has succeeded, reads the written keys back
 * (BatchGetItem, consistent) and appends their current items (or their absence) to the table's {@link ChangeLog}.
 * Reading back and appending happen under one lock, so the last entry for a key is always its latest state.
 */
final class WriteRecorder {
    private static final int BATCH_GET_LIMIT = 100;
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
        Map<TableKey, List<JsonNode>> byTable = new LinkedHashMap<>();
        for (Written written : written(operation, region, Json.parseRequest(body))) {
            if (state.pitr(written.table()).enabled()) {
                byTable.computeIfAbsent(written.table(), t -> new ArrayList<>()).add(written.keySource());
            }
        }
        byTable.forEach(this::record);
    }

    private void record(TableKey table, List<JsonNode> keySources) {
        synchronized (history) {
            Optional<List<String>> keyNames = history.keyNames(table);
            if (keyNames.isEmpty()) {
                return;
            }
            Map<String, ObjectNode> keys = new LinkedHashMap<>();
            for (JsonNode source : keySources) {
                ObjectNode key = Json.object();
                keyNames.get().forEach(name -> key.set(name, source.get(name)));
                keys.put(ChangeLog.canonical(key), key);
            }
            Map<String, JsonNode> current = currentItems(table, keyNames.get(), List.copyOf(keys.values()));
            long now = clock.millis();
            keys.forEach((canonical, key) -> history.append(table,
                    new ChangeLog.Change(now, key, Optional.ofNullable(current.get(canonical)))));
            history.compactBefore(table, state.pitr(table).earliestRestorableMillis(now));
        }
    }

    /** The items now stored under the keys, by canonical key; a key without an item is absent. */
    private Map<String, JsonNode> currentItems(TableKey table, List<String> keyNames, List<ObjectNode> keys) {
        Map<String, JsonNode> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            ArrayNode pending = Json.array();
            keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT)).forEach(pending::add);
            while (!pending.isEmpty()) {
                ObjectNode request = Json.object();
                ObjectNode tableRequest = request.putObject("RequestItems").putObject(table.table());
                tableRequest.set("Keys", pending);
                tableRequest.put("ConsistentRead", true);
                ObjectNode response = engine.call(table.region(), "BatchGetItem", request);
                for (JsonNode item : response.path("Responses").path(table.table())) {
                    ObjectNode key = Json.object();
                    keyNames.forEach(name -> key.set(name, item.get(name)));
                    found.put(ChangeLog.canonical(key), item);
                }
                JsonNode unprocessed = response.path("UnprocessedKeys").path(table.table()).path("Keys");
                pending = unprocessed instanceof ArrayNode more ? more : Json.array();
            }
        }
        return found;
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
