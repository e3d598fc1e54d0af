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

    boolean isDynamodb() {
        return root.path("kind").isTextual() && root.path("kind").textValue().equals("Dynamodb");
    }
}
