package io.ddbgitops.plan;

import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A live secondary index. Capacities are 0 on on-demand tables and for local indexes; the throughput history
 * drives the decrease budget of a global index, which DynamoDB counts per index. A multi-attribute key has its
 * further attributes, in key schema order, in {@code morePartitionKeys} and {@code moreSortKeys}.
 */
public record ObservedIndex(
        String name,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        Projection projection,
        long readCapacity,
        long writeCapacity,
        ThroughputHistory history,
        String status,
        List<KeyAttribute> morePartitionKeys,
        List<KeyAttribute> moreSortKeys) {

    public ObservedIndex {
        morePartitionKeys = List.copyOf(morePartitionKeys);
        moreSortKeys = List.copyOf(moreSortKeys);
    }

    /** An index with single-attribute keys. */
    public ObservedIndex(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey, Projection projection,
                         long readCapacity, long writeCapacity, ThroughputHistory history, String status) {
        this(name, partitionKey, sortKey, projection, readCapacity, writeCapacity, history, status, List.of(),
                List.of());
    }

    public List<KeyAttribute> partitionKeys() {
        return Stream.concat(Stream.of(partitionKey), morePartitionKeys.stream()).toList();
    }

    public List<KeyAttribute> sortKeys() {
        return Stream.concat(sortKey.stream(), moreSortKeys.stream()).toList();
    }
}
