package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The point-in-time history of one table: its items at {@code baseMillis} and every later change, in the order it
 * was recorded, as after-images (a deletion has no item). Not thread-safe; {@link PitrHistory} guards it.
 */
final class ChangeLog {
    /** One recorded change; {@code item} empty = the key was deleted. */
    record Change(long atMillis, ObjectNode key, Optional<JsonNode> item) {}

    private final List<String> keyNames;
    private long baseMillis;
    private final Map<String, JsonNode> base = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();

    ChangeLog(List<String> keyNames, long baseMillis, List<JsonNode> baseItems) {
        this.keyNames = List.copyOf(new TreeSet<>(keyNames));
        this.baseMillis = baseMillis;
        setBase(baseItems);
    }

    void setBase(List<JsonNode> items) {
        base.clear();
        items.forEach(item -> base.put(keyOf(item), item));
    }

    List<String> keyNames() {
        return keyNames;
    }

    long baseMillis() {
        return baseMillis;
    }

    List<JsonNode> baseItems() {
        return List.copyOf(base.values());
    }

    /** When the oldest change kept was recorded, if there is one. */
    Optional<Long> oldestChangeMillis() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(0).atMillis());
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    void append(Change change) {
        changes.add(change);
    }

    /** The table's items as of the instant: the base, then every change at or before it. */
    List<JsonNode> itemsAt(long millis) {
        Map<String, JsonNode> items = new LinkedHashMap<>(base);
        for (Change change : changes) {
            if (change.atMillis() > millis) {
                break;
            }
            apply(items, change);
        }
        return List.copyOf(items.values());
    }

    /** Folds the changes before the instant into the base; returns whether anything was folded. */
    boolean compactBefore(long millis) {
        int folded = 0;
        while (folded < changes.size() && changes.get(folded).atMillis() < millis) {
            apply(base, changes.get(folded));
            folded++;
        }
        changes.subList(0, folded).clear();
        baseMillis = Math.max(baseMillis, millis);
        return folded > 0;
    }

    /** The key attributes of an item, as an object whose field order is fixed (sorted names). */
    ObjectNode keyOfItem(JsonNode item) {
        ObjectNode key = Json.object();
        keyNames.forEach(name -> key.set(name, item.get(name)));
        return key;
    }

    private String keyOf(JsonNode item) {
        return canonical(keyOfItem(item));
    }

    /**
     * A key as a string that is equal for equal keys: fields sorted by name, numbers normalised (DynamoDB stores
     * {@code 1.0} as {@code 1}, so a key written one way comes back the other).
     */
    static String canonical(JsonNode key) {
        ObjectNode normalised = Json.object();
        new TreeSet<String>(iterableNames(key)).forEach(name -> {
            JsonNode value = key.get(name);
            if (value != null && value.has("N")) {
                normalised.putObject(name).put("N",
                        new BigDecimal(value.get("N").asText()).stripTrailingZeros().toPlainString());
            } else {
                normalised.set(name, value);
            }
        });
        return new String(Json.bytes(normalised), StandardCharsets.UTF_8);
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void apply(Map<String, JsonNode> items, Change change) {
        String key = keyOf(change.key());
        if (change.item().isPresent()) {
            items.put(key, change.item().get());
        } else {
            items.remove(key);
        }
    }
}
