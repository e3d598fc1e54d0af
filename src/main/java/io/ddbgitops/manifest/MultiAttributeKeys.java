package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A global index's keys: the single-attribute fields ({@code pri_key_attributename}, {@code sort_key_*}) or the
 * multi-attribute lists ({@code partition_keys}, {@code sort_keys}), never both, and a partition key either way.
 * An attribute appears once in an index's keys and keeps one type across the table (see {@link KeyTypes}).
 * AWS allows up to four partition and four sort key attributes per index (the schema's maxItems), from
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html
 * (checked 2026-12-01).
 */
final class MultiAttributeKeys {
    private final Checks checks;
    private final KeyTypes keyTypes;

    MultiAttributeKeys(Checks checks, KeyTypes keyTypes) {
        this.checks = checks;
        this.keyTypes = keyTypes;
    }

    void check(JsonNode index, String pointer) {
        boolean single = Checks.present(index.path("pri_key_attributename"))
                || Checks.present(index.path("pri_key_attributetype"));
        boolean singleSort = Checks.present(index.path("sort_key_attributename"))
                || Checks.present(index.path("sort_key_attributetype"));
        boolean multi = Checks.present(index.path("partition_keys"));
        boolean multiSort = Checks.present(index.path("sort_keys"));
        if (single && multi) {
            checks.add(pointer + "/partition_keys", "give either pri_key_attributename/pri_key_attributetype or "
                    + "partition_keys, not both (partition_keys is the multi-attribute form)");
        } else if (!single && !multi) {
            checks.add(pointer + "/pri_key_attributename", "required field is missing (or give partition_keys, a "
                    + "list of {name, type})");
        } else if (single && !Checks.present(index.path("pri_key_attributetype"))) {
            checks.add(pointer + "/pri_key_attributetype", "required field is missing");
        } else if (single && !Checks.present(index.path("pri_key_attributename"))) {
            checks.add(pointer + "/pri_key_attributename", "required field is missing");
        }
        if (singleSort && multiSort) {
            checks.add(pointer + "/sort_keys", "give either sort_key_attributename/sort_key_attributetype or "
                    + "sort_keys, not both (sort_keys is the multi-attribute form)");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String list : new String[] {"partition_keys", "sort_keys"}) {
            JsonNode keys = index.path(list);
            for (int i = 0; i < keys.size(); i++) {
                String at = pointer + "/" + list + "/" + i;
                checks.attributeName(keys.path(i).path("name"), at + "/name");
                keyTypes.declareAttribute(keys.path(i).path("name").textValue(), keys.path(i).path("type").textValue(),
                        at + "/type");
                Checks.text(keys.path(i).path("name")).filter(name -> !seen.add(name)).ifPresent(name ->
                        checks.add(at + "/name", Values.quote(name) + " is already a key attribute of this index; "
                                + "an attribute appears once in an index's keys"));
            }
        }
    }
}
