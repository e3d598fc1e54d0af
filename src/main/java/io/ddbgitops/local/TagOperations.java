package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** TagResource, UntagResource, ListTagsOfResource, and the Tags of CreateTable, keyed by table. */
final class TagOperations {
    private static final int MAX_TAGS = 50;

    private final FrontState state;
    private final Engine engine;

    TagOperations(FrontState state, Engine engine) {
        this.state = state;
        this.engine = engine;
    }

    WireResponse tag(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        Map<String, String> added = readTags(request.path("Tags"));
        if (added.isEmpty()) {
            throw AwsException.validation("Tags must contain at least one tag");
        }
        Map<String, String> merged = new TreeMap<>(state.tags(table));
        merged.putAll(added);
        if (merged.size() > MAX_TAGS) {
            throw AwsException.validation("A table can have at most " + MAX_TAGS + " tags, would have "
                    + merged.size());
        }
        state.tag(table, added);
        return WireResponse.ok(Json.object());
    }

    WireResponse untag(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        List<String> keys = new ArrayList<>();
        request.path("TagKeys").forEach(key -> keys.add(key.asText()));
        state.untag(table, keys);
        return WireResponse.ok(Json.object());
    }

    WireResponse list(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        ArrayNode tags = Json.array();
        new TreeMap<>(state.tags(table)).forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return WireResponse.ok(Json.object().set("Tags", tags));
    }

    /** DynamoDB Local accepts CreateTable's Tags and drops them; the front keeps them once the table exists. */
    void rememberCreateTableTags(String region, ObjectNode createTableRequest) {
        Map<String, String> tags = readTags(createTableRequest.path("Tags"));
        if (!tags.isEmpty()) {
            state.tag(new TableKey(region, Json.requiredText(createTableRequest, "TableName")), tags);
        }
    }

    /** Validates CreateTable's Tags before the table is created, as AWS does. */
    void validateCreateTableTags(ObjectNode createTableRequest) {
        if (readTags(createTableRequest.path("Tags")).size() > MAX_TAGS) {
            throw AwsException.validation("A table can have at most " + MAX_TAGS + " tags");
        }
    }

    private TableKey existingTable(String region, ObjectNode request) {
        String arn = Json.requiredText(request, "ResourceArn");
        TableKey table = TableArns.parse(arn, region)
                .orElseThrow(() -> AwsException.validation("Invalid TableArn: " + arn));
        if (engine.describeTable(table.region(), table.table()).isEmpty()) {
            throw AwsException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
        }
        return table;
    }

    private static Map<String, String> readTags(JsonNode tags) {
        Map<String, String> read = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            String key = tag.path("Key").asText("");
            String value = tag.path("Value").asText("");
            if (key.isEmpty() || key.length() > 128 || value.length() > 256 || key.startsWith("aws:")) {
                throw AwsException.validation("Invalid tag: key '" + key + "' must be 1-128 characters and not"
                        + " start with 'aws:', value must be at most 256 characters");
            }
            read.put(key, value);
        }
        return read;
    }
}
