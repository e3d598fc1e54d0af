package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/** How a value the user wrote is quoted back in an error message. */
final class Values {
    private static final int LONGEST = 80;

    private Values() {
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "an empty value";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return quote(node.textValue());
        }
        return node.asText();
    }

    static String quote(String text) {
        String shown = text.length() > LONGEST ? text.substring(0, LONGEST) + "..." : text;
        return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
