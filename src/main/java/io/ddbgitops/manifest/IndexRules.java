package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secondary index rules: names unique across GSIs and LSIs, projections, keys (one type per attribute),
 * capacities by billing mode, and AWS's limit on projected attributes.
 */
final class IndexRules {
    /**
     * NonKeyAttributes summed across all of a table's secondary indexes, the same attribute in two indexes
     * counting twice. Source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
     * (checked 2026-12-01), and ServiceQuotas.html#projected-secondary-index-attributes. The 20 GSIs (a default,
     * adjustable quota) and 5 LSIs per table are the schema's maxItems, from
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes
     * (checked 2026-12-01); the 20 non-key attributes per index are API_Projection's array maximum.
     */
    static final int MAX_PROJECTED_ATTRIBUTES = 100;
    private static final String GSI = SemanticRules.OPTIONAL + "/global_secondary_indexes";
    private static final String LSI = SemanticRules.OPTIONAL + "/local_secondary_indexes";

    private final Checks checks;
    private final JsonNode optional;
    private final Map<String, String> namesSeen = new HashMap<>();
    private final KeyTypes keyTypes;
    private final Map<String, Integer> projectedByKind = new LinkedHashMap<>();
    private int projected;
    private String overLimitAt = "";

    IndexRules(Checks checks, JsonNode spec) {
        this.checks = checks;
        this.optional = spec.path("optional_spec");
        this.keyTypes = new KeyTypes(checks);
        keyTypes.declare(spec, SemanticRules.SPEC, "pri_key");
        keyTypes.declare(optional, SemanticRules.OPTIONAL, "sort_key");
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
        reportProjectedTotal();
    }

    private void global(JsonNode index, String pointer) {
        keyTypes.declare(index, pointer, "pri_key");
        common(index, pointer);
        checks.attributeName(index.path("pri_key_attributename"), pointer + "/pri_key_attributename");
        checks.sortKeyPair(index, pointer);
        new MultiAttributeKeys(checks, keyTypes).check(index, pointer);
        boolean onDemand = "PAY_PER_REQUEST".equals(optional.path("billing_mode").textValue());
        for (String field : new String[] {"readcapacityunits", "writecapacityunits"}) {
            if (onDemand && Checks.present(index.path(field))) {
                checks.add(pointer + "/" + field, "only allowed when billing_mode is PROVISIONED");
            }
        }
        for (String field : new String[] {"max_read_request_units", "max_write_request_units"}) {
            if (!onDemand && Checks.present(index.path(field))) {
                checks.add(pointer + "/" + field, "only allowed when billing_mode is PAY_PER_REQUEST");
            }
        }
    }

    /** What GSIs and LSIs share: the sort key, projected attributes, projection and a unique name. */
    private void common(JsonNode index, String pointer) {
        keyTypes.declare(index, pointer, "sort_key");
        checks.attributeName(index.path("sort_key_attributename"), pointer + "/sort_key_attributename");
        JsonNode nonKeys = index.path("non_key_attributes");
        for (int i = 0; i < nonKeys.size(); i++) {
            checks.attributeName(nonKeys.path(i), pointer + "/non_key_attributes/" + i);
        }
        projection(index, pointer);
        projectedTotal(nonKeys, pointer);
        uniqueName(index, pointer);
    }

    /** Reported once, at the index whose attributes pass the limit, with the count per index kind. */
    private void projectedTotal(JsonNode nonKeys, String pointer) {
        if (!nonKeys.isArray() || nonKeys.isEmpty()) {
            return;
        }
        String kind = pointer.startsWith(GSI) ? "global secondary indexes" : "local secondary indexes";
        projectedByKind.merge(kind, nonKeys.size(), Integer::sum);
        int before = projected;
        projected += nonKeys.size();
        if (before <= MAX_PROJECTED_ATTRIBUTES && projected > MAX_PROJECTED_ATTRIBUTES) {
            overLimitAt = pointer + "/non_key_attributes";
        }
    }

    private void reportProjectedTotal() {
        if (projected > MAX_PROJECTED_ATTRIBUTES) {
            checks.add(overLimitAt, "the table's secondary indexes project " + projected + " non-key attributes ("
                    + byKind() + "); AWS allows at most " + MAX_PROJECTED_ATTRIBUTES + " summed across all global "
                    + "and local secondary indexes, an attribute in two indexes counting twice");
        }
    }

    private String byKind() {
        StringBuilder text = new StringBuilder();
        projectedByKind.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(count).append(" in ").append(kind));
        return text.toString();
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
