package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * One type per attribute across the table's keys and every index's keys. DynamoDB keeps one attribute
 * definition per name, so an index that declares {@code id: N} on a table keyed by {@code id: S} can never
 * match what is live, and every run would drop and rebuild it.
 */
final class KeyTypes {
    private record Declared(String type, String pointer) {
    }

    private final Checks checks;
    private final Map<String, Declared> byName = new HashMap<>();

    KeyTypes(Checks checks) {
        this.checks = checks;
    }

    /** {@code holder} holds {@code <prefix>_attributename} and {@code <prefix>_attributetype}. */
    void declare(JsonNode holder, String holderPointer, String prefix) {
        declareAttribute(holder.path(prefix + "_attributename").textValue(),
                holder.path(prefix + "_attributetype").textValue(), holderPointer + "/" + prefix + "_attributetype");
    }

    /** One key attribute, its type declared at {@code pointer}; nothing to check while either is missing. */
    void declareAttribute(String name, String type, String pointer) {
        if (name == null || type == null) {
            return;
        }
        Declared first = byName.putIfAbsent(name, new Declared(type, pointer));
        if (first != null && !first.type().equals(type)) {
            checks.add(pointer, "attribute " + Values.quote(name) + " is declared here as " + type + " but as "
                    + first.type() + " at " + field(first.pointer()) + "; an attribute has one type in the table "
                    + "and all its indexes");
        }
    }

    private static String field(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }
}
