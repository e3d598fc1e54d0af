package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multi-attribute keys of global indexes (up to four HASH and four RANGE elements in an index's KeySchema; AWS
 * API_GlobalSecondaryIndex and https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/
 * GSI.DesignPattern.MultiAttributeKeys.html, checked 2026-12-01), which DynamoDB Local 2.6.1 refuses ("Too many hash
 * keys specified"). Emulated at the description level only: DynamoDB Local gets the index keyed on its first
 * partition and first sort attribute, the front keeps the declared key schema (and the further attributes'
 * definitions) and describes the index with it. Queries against such an index do not honour the further attributes.
 */
final class KeySchemaEmulation {
    static final int MAX_ATTRIBUTES_PER_KEY = 4;

    /** One KeySchemaElement ({@code type} HASH or RANGE) or AttributeDefinition ({@code type} S, N or B). */
    record Element(String name, String type) {}

    private KeySchemaEmulation() {}

    /** Trims a multi-attribute index to what DynamoDB Local takes and keeps its declared key schema. */
    static WarmThroughputs.Kept take(WarmThroughputs.Kept kept, ObjectNode index, JsonNode request) {
        List<Element> declared = new ArrayList<>();
        index.path("KeySchema").forEach(k -> declared.add(new Element(k.path("AttributeName").asText(),
                k.path("KeyType").asText())));
        long hashes = declared.stream().filter(e -> e.type().equals("HASH")).count();
        long ranges = declared.stream().filter(e -> e.type().equals("RANGE")).count();
        if (hashes <= 1 && ranges <= 1) {
            return kept;
        }
        if (hashes > MAX_ATTRIBUTES_PER_KEY || ranges > MAX_ATTRIBUTES_PER_KEY) {
            throw AwsException.validation("One or more parameter values were invalid: a global secondary index key "
                    + "has at most " + MAX_ATTRIBUTES_PER_KEY + " partition key and " + MAX_ATTRIBUTES_PER_KEY
                    + " sort key attributes; index " + index.path("IndexName").asText() + " has " + hashes + " and "
                    + ranges);
        }
        ArrayNode forwarded = Json.array();
        Set<String> kinds = new HashSet<>();
        List<Element> extra = new ArrayList<>();
        for (Element element : declared) {
            if (kinds.add(element.type())) {
                forwarded.addObject().put("AttributeName", element.name()).put("KeyType", element.type());
            } else {
                definition(request, element.name()).ifPresent(extra::add);
            }
        }
        index.set("KeySchema", forwarded);
        return kept.withKeys(declared, extra);
    }

    /**
     * Drops the definitions of attributes only further key attributes use: DynamoDB Local refuses a definition no
     * key schema it sees uses.
     */
    static void pruneDefinitions(ObjectNode request, Map<String, WarmThroughputs.Kept> kept) {
        Set<String> used = new HashSet<>();
        collectKeys(request.path("KeySchema"), used);
        for (String holder : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
            request.path(holder).forEach(i -> collectKeys(i.path("KeySchema"), used));
        }
        request.path("GlobalSecondaryIndexUpdates").forEach(u -> collectKeys(u.path("Create").path("KeySchema"), used));
        Set<String> further = new HashSet<>();
        kept.values().forEach(k -> k.definitions().forEach(d -> further.add(d.name())));
        if (request.get("AttributeDefinitions") instanceof ArrayNode definitions) {
            Iterator<JsonNode> each = definitions.elements();
            while (each.hasNext()) {
                String name = each.next().path("AttributeName").asText();
                if (further.contains(name) && !used.contains(name)) {
                    each.remove();
                }
            }
        }
    }

    /** An index's declared key schema replaces the trimmed one; its further attributes' definitions are added. */
    static void describe(ObjectNode table, ObjectNode index, WarmThroughputs.Kept kept) {
        if (kept.keySchema().isEmpty()) {
            return;
        }
        ArrayNode keys = index.putArray("KeySchema");
        kept.keySchema().forEach(e -> keys.addObject().put("AttributeName", e.name()).put("KeyType", e.type()));
        ArrayNode definitions = table.withArray("AttributeDefinitions");
        Set<String> defined = new HashSet<>();
        definitions.forEach(d -> defined.add(d.path("AttributeName").asText()));
        kept.definitions().stream().filter(d -> defined.add(d.name())).forEach(d -> definitions.addObject()
                .put("AttributeName", d.name()).put("AttributeType", d.type()));
    }

    private static void collectKeys(JsonNode keySchema, Set<String> used) {
        keySchema.forEach(k -> used.add(k.path("AttributeName").asText()));
    }

    private static java.util.Optional<Element> definition(JsonNode request, String name) {
        for (JsonNode d : request.path("AttributeDefinitions")) {
            if (d.path("AttributeName").asText().equals(name)) {
                return java.util.Optional.of(new Element(name, d.path("AttributeType").asText()));
            }
        }
        return java.util.Optional.empty();
    }
}
