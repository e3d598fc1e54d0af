package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Warm throughput and global-index on-demand caps, which DynamoDB Local 2.6.1 drops (WarmThroughput) or fails on
 * unless both caps are given (an index's OnDemandThroughput): the front takes them out of what DynamoDB Local gets,
 * keeps them in {@link TableFeatures#indexes()} (key "" = the table) and adds them to descriptions in AWS's shapes.
 *
 * <p>A table or index that was never pre-warmed shows AWS's defaults: 12,000 read and 4,000 write units per second
 * on demand, the provisioned capacity otherwise (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/
 * warm-throughput-scenarios.html, checked 2026-12-01). Lowering it is refused as AWS refuses it ("decreasing
 * WarmThroughput is not supported", measured against AWS in go-to-k/cdkd#1857/#1768, checked 2026-12-01).
 */
final class WarmThroughputs {
    static final long ON_DEMAND_READ = 12_000;
    static final long ON_DEMAND_WRITE = 4_000;
    static final String TABLE = "";

    private WarmThroughputs() {}

    /**
     * What the front keeps of one table or index: warm units (0: never set), index caps (-1: none), and a
     * multi-attribute key schema as declared with the definitions of its further attributes (empty: single keys).
     */
    record Kept(long warmRead, long warmWrite, long maxRead, long maxWrite, List<KeySchemaEmulation.Element> keySchema,
                List<KeySchemaEmulation.Element> definitions) {
        static final Kept NONE = new Kept(0, 0, TableFeatures.UNCAPPED, TableFeatures.UNCAPPED, List.of(), List.of());

        Kept {
            // absent in state files written before multi-attribute keys were kept
            keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
            definitions = definitions == null ? List.of() : List.copyOf(definitions);
        }

        Kept withWarm(JsonNode warm) {
            return new Kept(warm.path("ReadUnitsPerSecond").asLong(warmRead),
                    warm.path("WriteUnitsPerSecond").asLong(warmWrite), maxRead, maxWrite, keySchema, definitions);
        }

        Kept withCaps(JsonNode caps) {
            return new Kept(warmRead, warmWrite, caps.path("MaxReadRequestUnits").asLong(maxRead),
                    caps.path("MaxWriteRequestUnits").asLong(maxWrite), keySchema, definitions);
        }

        Kept withKeys(List<KeySchemaEmulation.Element> declared, List<KeySchemaEmulation.Element> extra) {
            return new Kept(warmRead, warmWrite, maxRead, maxWrite, declared, extra);
        }
    }

    /** CreateTable: what the front keeps, taken out of the request DynamoDB Local gets. */
    static Map<String, Kept> fromCreateTable(ObjectNode forwarded) {
        Map<String, Kept> kept = new HashMap<>();
        JsonNode warm = forwarded.remove("WarmThroughput");
        if (warm != null) {
            kept.put(TABLE, Kept.NONE.withWarm(warm));
        }
        for (JsonNode index : forwarded.path("GlobalSecondaryIndexes")) {
            take(kept, (ObjectNode) index, Json.text(index, "IndexName").orElse(""), forwarded);
        }
        KeySchemaEmulation.pruneDefinitions(forwarded, kept);
        return kept;
    }

    /**
     * UpdateTable: takes WarmThroughput and each index Update's WarmThroughput and OnDemandThroughput (and a Create's)
     * out of the request, checks them against what is kept, and returns the next state. An Update left with only its
     * IndexName is dropped from what DynamoDB Local gets.
     */
    static Map<String, Kept> fromUpdateTable(ObjectNode forwarded, Map<String, Kept> current,
            java.util.function.Supplier<JsonNode> description) {
        Map<String, Kept> next = new HashMap<>(current);
        JsonNode warm = forwarded.remove("WarmThroughput");
        if (warm != null) {
            next.put(TABLE, raise(current.getOrDefault(TABLE, Kept.NONE), warm, description.get(), description.get()));
        }
        if (forwarded.get("GlobalSecondaryIndexUpdates") instanceof ArrayNode updates && !updates.isEmpty()) {
            Iterator<JsonNode> each = updates.elements();
            while (each.hasNext()) {
                JsonNode update = each.next();
                if (update.get("Delete") instanceof ObjectNode delete) {
                    next.remove(Json.text(delete, "IndexName").orElse(""));
                }
                if (update.get("Create") instanceof ObjectNode create) {
                    take(next, create, Json.text(create, "IndexName").orElse(""), forwarded);
                    KeySchemaEmulation.pruneDefinitions(forwarded, next);
                }
                if (update.get("Update") instanceof ObjectNode change) {
                    String name = Json.text(change, "IndexName").orElse("");
                    Kept kept = next.getOrDefault(name, Kept.NONE);
                    JsonNode indexWarm = change.remove("WarmThroughput");
                    if (indexWarm != null) {
                        kept = raise(kept, indexWarm, index(description.get(), name), description.get());
                    }
                    JsonNode caps = change.remove("OnDemandThroughput");
                    if (caps != null) {
                        kept = kept.withCaps(caps);
                    }
                    next.put(name, kept);
                    if (change.size() == 1) {
                        each.remove();
                    }
                }
            }
            if (updates.isEmpty()) {
                forwarded.remove("GlobalSecondaryIndexUpdates");
            }
        }
        return next;
    }

    /** Adds WarmThroughput to the table and each index, and each index's caps, to a description. */
    static void describe(ObjectNode description, Map<String, Kept> kept) {
        describeWarm(description, kept.getOrDefault(TABLE, Kept.NONE), description, "ACTIVE");
        for (JsonNode index : description.path("GlobalSecondaryIndexes")) {
            ObjectNode described = (ObjectNode) index;
            Kept indexKept = kept.getOrDefault(Json.text(index, "IndexName").orElse(""), Kept.NONE);
            describeWarm(described, indexKept, description, index.path("IndexStatus").asText("ACTIVE"));
            KeySchemaEmulation.describe(description, described, indexKept);
            described.remove("OnDemandThroughput");
            if (indexKept.maxRead() != TableFeatures.UNCAPPED || indexKept.maxWrite() != TableFeatures.UNCAPPED) {
                described.putObject("OnDemandThroughput").put("MaxReadRequestUnits", indexKept.maxRead())
                        .put("MaxWriteRequestUnits", indexKept.maxWrite());
            }
        }
    }

    private static void describeWarm(ObjectNode target, Kept kept, JsonNode table, String status) {
        long[] units = units(kept, target, table);
        target.putObject("WarmThroughput").put("ReadUnitsPerSecond", units[0]).put("WriteUnitsPerSecond", units[1])
                .put("Status", status);
    }

    /** The warm units in effect: what was set, else AWS's default for the billing mode. */
    private static long[] units(Kept kept, JsonNode holder, JsonNode table) {
        boolean onDemand = "PAY_PER_REQUEST".equals(table.path("BillingModeSummary").path("BillingMode").asText());
        long read = onDemand ? ON_DEMAND_READ : holder.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(1);
        long write = onDemand ? ON_DEMAND_WRITE
                : holder.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong(1);
        return new long[] {Math.max(read, kept.warmRead()), Math.max(write, kept.warmWrite())};
    }

    private static Kept raise(Kept kept, JsonNode warm, JsonNode holder, JsonNode table) {
        long[] now = units(kept, holder, table);
        for (String unit : new String[] {"ReadUnitsPerSecond", "WriteUnitsPerSecond"}) {
            JsonNode value = warm.path(unit);
            if (!value.isMissingNode() && (!value.canConvertToLong() || value.asLong() < 1)) {
                throw AwsException.validation("1 validation error detected: Value '" + value + "' at 'warmThroughput."
                        + Character.toLowerCase(unit.charAt(0)) + unit.substring(1)
                        + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
            }
            long current = unit.startsWith("Read") ? now[0] : now[1];
            if (!value.isMissingNode() && value.asLong() < current) {
                throw AwsException.validation("decreasing WarmThroughput is not supported");
            }
        }
        return kept.withWarm(warm);
    }

    private static void take(Map<String, Kept> kept, ObjectNode index, String name, JsonNode request) {
        Kept indexKept = KeySchemaEmulation.take(Kept.NONE, index, request);
        JsonNode warm = index.remove("WarmThroughput");
        if (warm != null) {
            indexKept = indexKept.withWarm(warm);
        }
        JsonNode caps = index.remove("OnDemandThroughput");
        if (caps != null) {
            indexKept = indexKept.withCaps(caps);
        }
        if (!indexKept.equals(Kept.NONE)) {
            kept.put(name, indexKept);
        }
    }

    private static JsonNode index(JsonNode description, String name) {
        for (JsonNode index : description.path("GlobalSecondaryIndexes")) {
            if (index.path("IndexName").asText().equals(name)) {
                return index;
            }
        }
        throw AwsException.resourceNotFound("Requested resource not found: Index: " + name + " not found");
    }
}
