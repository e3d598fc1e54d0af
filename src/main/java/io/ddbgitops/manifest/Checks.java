package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects findings for one document. The rules run after the schema on a tree that may be invalid, so every
 * accessor here quietly yields nothing for a node of the wrong type: the schema has already said so.
 */
final class Checks {
    static final int MAX_KEY_BYTES = 255;

    private final List<Finding> findings = new ArrayList<>();

    void add(String pointer, String message) {
        findings.add(new Finding(pointer, message));
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    /** Both halves of a sort key, or neither. */
    void sortKeyPair(JsonNode holder, String pointer) {
        boolean named = present(holder.path("sort_key_attributename"));
        boolean typed = present(holder.path("sort_key_attributetype"));
        if (named && !typed) {
            add(Pointers.child(pointer, "sort_key_attributetype"), "required when sort_key_attributename is given");
        } else if (typed && !named) {
            add(Pointers.child(pointer, "sort_key_attributename"), "required when sort_key_attributetype is given");
        }
    }

    /** DynamoDB limits key attribute names in bytes, which the schema cannot count. */
    /**
     * A key or projected attribute name: at most {@link #MAX_KEY_BYTES} bytes, and no control characters. DynamoDB
     * itself takes any UTF-8, but a name with a line break can only be an accident or an attack on the report and
     * the terminal (issue: hostile input), and nobody can type it in a query.
     */
    void attributeName(JsonNode node, String pointer) {
        text(node).ifPresent(name -> {
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_KEY_BYTES) {
                add(pointer, Values.quote(name) + " is " + bytes + " bytes long; at most " + MAX_KEY_BYTES
                        + " bytes are allowed");
            } else if (!Values.printable(name).equals(name)) {
                add(pointer, Values.quote(name) + " holds a control character (such as a newline); attribute names "
                        + "must be printable");
            }
        });
    }
}
