package io.ddbgitops.manifest;

import java.util.List;
import java.util.Optional;

/**
 * One item of {@code optional_spec.replicas}: a region, and the settings that replica may have of its own
 * (ReplicaUpdates Create/Update of UpdateTable). A bare region name in the manifest is a replica with no
 * settings of its own: it follows the table.
 */
public record ReplicaSpec(
        String region,
        Optional<Long> readCapacityOverride,
        Optional<Long> maxReadRequestUnits,
        Optional<TableClass> tableClass,
        Optional<String> kmsKeyId,
        List<IndexOverride> globalSecondaryIndexes) {

    public ReplicaSpec {
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    }

    /** A replica written as a bare region name. */
    public static ReplicaSpec of(String region) {
        return new ReplicaSpec(region, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    /** Whether the manifest gives this replica any setting of its own. */
    public boolean hasOwnSettings() {
        return !equals(of(region));
    }

    /** A replica's read override for one of the table's global secondary indexes. */
    public record IndexOverride(String indexName, Optional<Long> readCapacityOverride,
                                Optional<Long> maxReadRequestUnits) {
    }
}
