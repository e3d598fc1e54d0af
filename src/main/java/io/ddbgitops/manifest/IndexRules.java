package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Secondary index rules: names unique across GSIs and LSIs, projections, keys, capacities by billing mode. */
final class IndexRules {
    private static final String GSI = SemanticRules.OPTIONAL + "/global_secondary_indexes";
    private static final String LSI = SemanticRules.OPTIONAL + "/local_secondary_indexes";

    private final Checks checks;
    private final JsonNode optional;
    private final Map<String, String> namesSeen = new HashMap<>();

    IndexRules(Checks checks, JsonNode optional) {
        this.checks = checks;
        this.optional = optional;
    }

    void check() {
        JsonNode globals = optional.path("global_secondary_indexes");
        for (int i = 0; i < globals.size(); i++) {
            global(globals.path(i), Pointers.child(GSI, i));
        }
        JsonNode locals = optional.path("local_secondary_indexes");
        if (locals.size() > 0 && !Checks.present(optional.path("sort_key_attributename"))) {
            checks.add(LSI, "local secondary indexes need the table to have a sort key "
                    + "(optional_spec.sort_key_attributename)");
        }
        for (int i = 0; i < locals.size(); i++) {
            common(locals.path(i), Pointers.child(LSI, i));
        }
    }

    private void global(JsonNode index, String pointer) {
        common(index, pointer);
        checks.attributeNameLength(index.path("pri_key_attributename"), pointer + "/pri_key_attributename");
        checks.sortKeyPair(index, pointer);
        boolean onDemand = "PAY_PER_REQUEST".equals(optional.path("billing_mode").textValue());
        for (String field : new String[] {"readcapacityunits", "writecapacityunits"}) {
            if (onDemand && Checks.present(index.path(field))) {
                checks.add(pointer + "/" + field, "only allowed when billing_mode is PROVISIONED");
            }
        }
    }

    /** What GSIs and LSIs share: the sort key, projected attributes, projection and a unique name. */
    private void common(JsonNode index, String pointer) {
        checks.attributeNameLength(index.path("sort_key_attributename"), pointer + "/sort_key_attributename");
        JsonNode nonKeys = index.path("non_key_attributes");
        for (int i = 0; i < nonKeys.size(); i++) {
            checks.attributeNameLength(nonKeys.path(i), pointer + "/non_key_attributes/" + i);
        }
        projection(index, pointer);
        uniqueName(index, pointer);
    }

    private void projection(JsonNode index, String pointer) {
        String projection = index.path("projection").textValue();
        boolean hasNonKeys = Checks.present(index.path("non_key_attributes"));
        if ("INCLUDE".equals(projection) && !hasNonKeys) {
            checks.add(pointer + "/non_key_attributes", "required when projection is INCLUDE");
        } else if (projection != null && !"INCLUDE".equals(projection) && hasNonKeys) {
            checks.add(pointer + "/non_key_attributes",
                    "only allowed when projection is INCLUDE (projection is " + projection + ")");
        }
    }

    private void uniqueName(JsonNode index, String pointer) {
        Checks.text(index.path("index_name")).ifPresent(name -> {
            String first = namesSeen.putIfAbsent(name, pointer);
            if (first != null) {
                checks.add(pointer + "/index_name", Values.quote(name) + " is already the name of "
                        + first.substring(SemanticRules.OPTIONAL.length() + 1).replace('/', '.')
                        + "; index names must be unique");
            }
        });
    }
}
