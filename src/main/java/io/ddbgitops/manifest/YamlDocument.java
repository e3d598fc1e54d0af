package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One YAML document as a JSON tree, with where each node was written. {@code locations} maps a JSON pointer
 * to the key of a mapping entry, or to the start of a list item; the empty pointer is the document's start.
 * {@code problems} are what the YAML itself got wrong (duplicate keys, aliases).
 */
record YamlDocument(JsonNode root, Map<String, SourceLocation> locations, List<Finding> problems) {
    static final String KIND = "Dynamodb";
    static final String API_VERSION = "prsn.io/v1";

    YamlDocument {
        locations = Map.copyOf(locations);
        problems = List.copyOf(problems);
    }

    SourceLocation start() {
        return locations.get("");
    }

    /** Where {@code pointer} was written, or its nearest written ancestor (a missing field points at its parent). */
    SourceLocation locate(String pointer) {
        String current = pointer;
        while (!current.isEmpty() && !locations.containsKey(current)) {
            current = Pointers.parent(current);
        }
        return locations.get(current);
    }

    boolean isEmpty() {
        return root.isNull() || root.isMissingNode() || (root.isTextual() && root.textValue().isEmpty());
    }

    /**
     * {@code kind: Dynamodb}, or meant to be: the kind in another case ({@code DynamoDB}), or a
     * {@code prsn.io/v1} document without a kind. Those are validated (and fail with a hint) rather than
     * skipped as "another kind", which would silently leave the table unmanaged.
     */
    boolean isDynamodb() {
        JsonNode kind = root.path("kind");
        if (kind.isTextual()) {
            return kind.textValue().equalsIgnoreCase(KIND);
        }
        return API_VERSION.equals(root.path("apiVersion").textValue());
    }
}
