package io.ddbgitops.local;

import java.util.Map;
import java.util.TreeMap;

/**
 * The read settings a replica has of its own (ProvisionedThroughputOverride / OnDemandThroughputOverride, for the
 * table and per global index); 0 means "follows the table". Its table class and KMS key are the replica table's own
 * {@link TableFeatures}.
 */
record ReplicaOverrides(long readCapacityUnits, long maxReadRequestUnits, Map<String, Index> indexes) {
    static final ReplicaOverrides NONE = new ReplicaOverrides(0, 0, Map.of());

    ReplicaOverrides {
        indexes = indexes == null ? Map.of() : Map.copyOf(indexes);
    }

    /** One global index's read overrides on this replica. */
    record Index(long readCapacityUnits, long maxReadRequestUnits) {}

    Index index(String name) {
        return indexes.getOrDefault(name, new Index(0, 0));
    }

    ReplicaOverrides withIndex(String name, Index value) {
        Map<String, Index> next = new TreeMap<>(indexes);
        next.put(name, value);
        return new ReplicaOverrides(readCapacityUnits, maxReadRequestUnits, next);
    }
}
