package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource, ListTagsOfResource, and the Tags of CreateTable, keyed by table. Tags are checked as
 * AWS checks them (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html, "Tagging
 * restrictions", checked 2026-12-01): key 1-128 and value 0-256 Unicode characters, a Value present (botocore's model
 * marks it required), letters, digits, white space and {@code + - = . _ : / @}, no {@code aws:} prefix, 50 tags.
 */
final class TagOperations {
    private static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@\\s]*");

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
        return WireResponse.okEmpty();
    }

    WireResponse untag(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        List<String> keys = new ArrayList<>();
        request.path("TagKeys").forEach(key -> keys.add(key.asText()));
        state.untag(table, keys);
        return WireResponse.okEmpty();
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

    /**
     * The ARN's checks in AWS's order and words: not an ARN at all, then an ARN of a part of a table (an index),
     * then any other malformed DynamoDB ARN, then a missing table. Messages as DynamoDB answers them, quoted in
     * ScyllaDB's Alternator tests (test/alternator/test_tag.py, test_tag_resource_incorrect and test_tag_lsi_gsi, the
     * index message captured from DynamoDB in January 2026, https://github.com/scylladb/scylladb) and in ExtendDB's
     * tagging handler, which lists them as verified against the service (checked 2026-12-01).
     */
    private TableKey existingTable(String region, ObjectNode request) {
        String arn = Json.requiredText(request, "ResourceArn");
        if (!arn.startsWith("arn:")) {
            throw AwsException.validation("One or more parameter values were invalid: ARNs must start with 'arn:': "
                    + arn);
        }
        if (arn.matches("arn:aws:dynamodb:[^:]*:[^:]*:table/[^/]+/index/.*")) {
            throw AwsException.validation("One or more parameter values were invalid: Invalid resource arn provided,"
                    + " only table or stream is accepted. Provided resource arn: " + arn);
        }
        TableKey table = TableArns.parse(arn, region).orElseThrow(() -> AwsException.validation(
                "Invalid TableArn: Invalid ResourceArn provided as input " + arn));
        if (engine.describeTable(table.region(), table.table()).isEmpty()) {
            throw AwsException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
        }
        return table;
    }

    /**
     * The length and presence checks answer in the service framework's words for the member
     * ({@code tags.N.member.key}, as for every modelled constraint). For the character and {@code aws:} rules no
     * capture of DynamoDB's text was found (checked 2026-12-01): the type (ValidationException, HTTP 400) is AWS's, the
     * text ours, in DynamoDB's "One or more parameter values were invalid:" form.
     */
    private static Map<String, String> readTags(JsonNode tags) {
        Map<String, String> read = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode tag : tags) {
            position++;
            String member = "tags." + position + ".member.";
            String key = tag.path("Key").asText("");
            JsonNode value = tag.path("Value");
            if (!tag.hasNonNull("Key")) {
                throw AwsException.validation(notNull(member + "key"));
            }
            if (!value.isTextual()) {
                throw AwsException.validation(notNull(member + "value"));
            }
            if (key.isEmpty() || key.codePointCount(0, key.length()) > 128) {
                throw AwsException.validation(constraint(key, member + "key", key.isEmpty()
                        ? "Member must have length greater than or equal to 1"
                        : "Member must have length less than or equal to 128"));
            }
            if (value.asText().codePointCount(0, value.asText().length()) > 256) {
                throw AwsException.validation(constraint(value.asText(), member + "value",
                        "Member must have length less than or equal to 256"));
            }
            if (!ALLOWED.matcher(key).matches() || !ALLOWED.matcher(value.asText()).matches()) {
                throw AwsException.validation("One or more parameter values were invalid: Invalid characters in"
                        + " tag, allowed characters are letters, whitespace, numbers and + - = . _ : / @");
            }
            if (key.startsWith("aws:")) {
                throw AwsException.validation("One or more parameter values were invalid: Tag keys starting with"
                        + " 'aws:' are reserved for system use");
            }
            read.put(key, value.asText());
        }
        return read;
    }

    private static String notNull(String member) {
        return "1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must"
                + " not be null";
    }

    private static String constraint(String value, String member, String rule) {
        return "1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
                + rule;
    }
}
