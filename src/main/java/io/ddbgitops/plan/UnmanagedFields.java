package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.TableOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Manifest fields that validate but that this version does not reconcile yet. They are listed in the report
 * so that nobody believes a setting is enforced when it is not.
 */
final class UnmanagedFields {
    private static final String PREFIX = "spec.optional_spec.";

    private UnmanagedFields() {}

    static List<String> of(TableManifest manifest) {
        TableOptions o = manifest.options();
        List<String> fields = new ArrayList<>();
        if (o.maxReadRequestUnits().isPresent() || o.maxWriteRequestUnits().isPresent()) {
            fields.add("max_read_request_units / max_write_request_units");
        }
        o.streamViewType().ifPresent(v -> fields.add("stream_view_type"));
        o.ttlAttributeName().ifPresent(v -> fields.add("ttl_attributename"));
        o.deletionProtection().ifPresent(v -> fields.add("deletion_protection"));
        o.tableClass().ifPresent(v -> fields.add("table_class"));
        o.sse().ifPresent(v -> fields.add("sse"));
        o.contributorInsights().ifPresent(v -> fields.add("contributor_insights"));
        if (!o.tags().isEmpty()) {
            fields.add("tags");
        }
        o.globalSecondaryIndexes().ifPresent(v -> fields.add("global_secondary_indexes"));
        o.localSecondaryIndexes().ifPresent(v -> fields.add("local_secondary_indexes"));
        o.replicas().ifPresent(v -> fields.add("replicas"));
        return fields.stream().map(f -> "not managed by this version yet, left as it is: " + PREFIX + f).toList();
    }
}
