package io.ddbgitops.plan;

import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;

import java.util.Optional;

/**
 * A live secondary index. Capacities are 0 on on-demand tables and for local indexes; the throughput history
 * drives the decrease budget of a global index, which DynamoDB counts per index.
 */
public record ObservedIndex(
        String name,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        Projection projection,
        long readCapacity,
        long writeCapacity,
        ThroughputHistory history,
        String status) {
}
