package io.ddbgitops.plan.replicas;

import io.ddbgitops.manifest.ReplicaSpec;

import java.util.ArrayList;
import java.util.List;

/** A replica's own settings as logs and reports say them, in the manifest's words. */
public final class ReplicaSettingsText {
    private ReplicaSettingsText() {}

    public static String of(ReplicaSpec replica) {
        List<String> parts = new ArrayList<>();
        replica.readCapacityOverride().ifPresent(r -> parts.add("read_capacity_override " + r));
        replica.maxReadRequestUnits().ifPresent(r -> parts.add("max_read_request_units " + r));
        replica.tableClass().ifPresent(c -> parts.add("table_class " + c));
        replica.kmsKeyId().ifPresent(k -> parts.add("kms_key_id " + k));
        for (ReplicaSpec.IndexOverride index : replica.globalSecondaryIndexes()) {
            index.readCapacityOverride().ifPresent(r -> parts.add("index " + index.indexName()
                    + " read_capacity_override " + r));
            index.maxReadRequestUnits().ifPresent(r -> parts.add("index " + index.indexName()
                    + " max_read_request_units " + r));
        }
        return String.join(", ", parts);
    }
}
