package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns networknt's validation messages into ours: the field as a JSON pointer, what was found and what is
 * allowed. Anything not mapped here keeps networknt's text, prefixed with the value found.
 */
final class SchemaMessages {
    /** What a value checked by one of the schema's {@code $defs} must be, whichever keyword failed. */
    private static final Map<String, String> EXPECTED_BY_DEF = Map.ofEntries(
            Map.entry("capacity", "an integer ≥ 1"),
            Map.entry("region", "a region name such as us-east-1"),
            Map.entry("tableName", "a table name (3–255 characters of A-Z a-z 0-9 _ . -)"),
            Map.entry("indexName", "an index name (3–255 characters of A-Z a-z 0-9 _ . -)"),
            Map.entry("cooldown", "a number of seconds ≥ 0"),
            // the repository config's (schemas/config-v1.schema.json)
            Map.entry("accountId", "a 12-digit AWS account id, in quotes"),
            Map.entry("accountName",
                    "an account name (1–64 of A-Z a-z 0-9 _ . -, starting with a letter or digit)"),
            Map.entry("externalId", "an external id (2–1224 of A-Z a-z 0-9 and _ + = , . @ : / -)"),
            Map.entry("sessionName", "a session name (2–64 of A-Z a-z 0-9 and _ + = , . @ -)"),
            Map.entry("namespaceName",
                    "a namespace name (1–253 of A-Z a-z 0-9 _ . -, starting with a letter or digit)"),
            Map.entry("roleArn", "an IAM role ARN such as arn:aws:iam::111111111111:role/ddb-gitops"),
            Map.entry("tablePattern",
                    "a table name pattern (1–255 of A-Z a-z 0-9 _ . - and the wildcards * and ?)"),
            Map.entry("pathPattern", "a path pattern from the repository root (no leading /, no .. segment)"),
            Map.entry("duration", "an ISO-8601 duration such as PT26H or P1D"));

    private final JsonNode schemaTree;

    SchemaMessages(JsonNode schemaTree) {
        this.schemaTree = schemaTree;
    }

    Finding translate(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        String keywordPath = message.getSchemaLocation().getFragment().toString();
        String type = message.getType();
        if (type.equals("required")) {
            return new Finding(Pointers.child(pointer, message.getProperty()), "required field is missing");
        }
        if (type.equals("propertyNames")) {
            // the key itself is wrong: point at it, and say what a key must be (its def, like a value's)
            String expected = EXPECTED_BY_DEF.getOrDefault(refName(message.getSchemaNode()), "an allowed name");
            return new Finding(Pointers.child(pointer, message.getProperty()),
                    "\"" + message.getProperty() + "\" is not " + expected);
        }
        if (type.equals("additionalProperties")) {
            List<String> allowed = allowedFields(keywordPath);
            String didYouMean = Suggestions.closest(message.getProperty(), allowed)
                    .map(name -> "did you mean " + name + "? ").orElse("");
            return new Finding(Pointers.child(pointer, message.getProperty()),
                    "unknown field; " + didYouMean + "allowed: " + String.join(", ", allowed));
        }
        JsonNode instance = message.getInstanceNode();
        String found = Values.describe(instance);
        String def = defName(keywordPath);
        String expected = EXPECTED_BY_DEF.get(def);
        if (expected != null && !(type.equals("maximum") && instance.isNumber())) {
            return new Finding(pointer, found + " is not " + expected + numberHint(def, instance));
        }
        return new Finding(pointer, describe(type, found, message, parentOf(keywordPath))
                + booleanHint(message.getSchemaNode(), instance));
    }

    /** "010" or "0x10" in quotes, where a number is meant. */
    private static String numberHint(String def, JsonNode instance) {
        boolean numberLike = instance.isTextual() && instance.textValue().matches("[-+]?(0[0-9_]+|0[xXoO][0-9a-fA-F_]+)");
        return def.equals("capacity") && numberLike ? " (write the number in plain decimal, without a leading zero)"
                : "";
    }

    /** {@code "yes"} where a boolean is meant: YAML 1.1 reads yes/no/on/off as booleans, YAML 1.2 as text. */
    private static String booleanHint(JsonNode keyword, JsonNode instance) {
        boolean wantsBoolean = keyword.toString().contains("boolean") || keyword.toString().contains("true");
        boolean yaml11 = instance.isTextual()
                && instance.textValue().toLowerCase().matches("y|n|yes|no|on|off");
        return wantsBoolean && yaml11 ? " (yes/no/on/off are booleans only in YAML 1.1; write true or false)" : "";
    }

    private String describe(String type, String found, ValidationMessage message, JsonNode rule) {
        JsonNode keyword = message.getSchemaNode();
        JsonNode instance = message.getInstanceNode();
        return switch (type) {
            case "enum" -> found + " is not one of " + listed(keyword);
            case "const" -> found + " is not supported; use " + keyword.asText();
            case "type" -> found + " is not " + typeNames(keyword) + unquotedHint(keyword, instance);
            case "minimum", "maximum" -> rule.has("minimum") && rule.has("maximum")
                    ? found + " is not " + ("number".equals(rule.path("type").asText()) ? "a number" : "an integer")
                            + " from " + rule.get("minimum") + " to " + rule.get("maximum")
                    : found + (type.equals("minimum") ? " is less than " : " is more than ") + keyword;
            case "minLength" -> keyword.asInt() <= 1 ? "must not be empty"
                    : found + " is shorter than " + keyword + " characters";
            case "maxLength" -> found + " is longer than " + keyword + " characters";
            case "maxItems", "maxProperties" -> "has " + instance.size() + " entries; at most " + keyword
                    + " are allowed";
            case "minItems", "minProperties" -> "is empty; at least " + keyword + " "
                    + (keyword.asInt() == 1 ? "entry is" : "entries are") + " required";
            case "uniqueItems" -> "lists the same entry more than once";
            default -> found + ": " + withoutPath(message);
        };
    }

    private List<String> allowedFields(String keywordPath) {
        List<String> names = new ArrayList<>();
        parentOf(keywordPath).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The schema object that holds the failing keyword (e.g. the one with both minimum and maximum). */
    private JsonNode parentOf(String keywordPath) {
        return schemaTree.at(Pointers.parent(keywordPath));
    }

    /** {@code capacity} for {@code /$defs/capacity/pattern}; only keywords directly inside a def count. */
    private static String defName(String keywordPath) {
        String[] parts = keywordPath.split("/");
        return parts.length == 4 && parts[1].equals("$defs") ? parts[2] : "";
    }

    /** {@code accountName} for {@code {"$ref": "#/$defs/accountName"}}. */
    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/$defs/") ? ref.substring("#/$defs/".length()) : "";
    }

    private static String listed(JsonNode values) {
        boolean allText = StreamSupport.stream(values.spliterator(), false).allMatch(JsonNode::isTextual);
        return StreamSupport.stream(values.spliterator(), false)
                .map(value -> allText ? value.textValue() : value.toString())
                .collect(Collectors.joining(", "));
    }

    private static String typeNames(JsonNode types) {
        List<String> names = new ArrayList<>();
        if (types.isArray()) {
            types.forEach(type -> names.add(typeName(type.asText())));
        } else {
            names.add(typeName(types.asText()));
        }
        return String.join(" or ", names);
    }

    /** YAML turns unquoted on/off/yes/no and digits into booleans and numbers, which surprises people. */
    private static String unquotedHint(JsonNode expected, JsonNode instance) {
        boolean wantsText = expected.asText().equals("string");
        return wantsText && (instance.isBoolean() || instance.isNumber())
                ? " (YAML reads unquoted yes/no/on/off/true/false and numbers as such; put the value in quotes)" : "";
    }

    private static String typeName(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "boolean" -> "a boolean (true or false, without quotes)";
            case "integer" -> "an integer";
            case "null" -> "empty";
            default -> "a " + type;
        };
    }

    private static String withoutPath(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
