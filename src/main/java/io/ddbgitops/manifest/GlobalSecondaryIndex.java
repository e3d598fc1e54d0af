package io.ddbgitops.manifest;

import java.util.Optional;

/** A global secondary index as declared; capacities and auto scaling only matter on PROVISIONED tables. */
public record GlobalSecondaryIndex(
        String indexName,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        Projection projection,
        Optional<Long> readCapacity,
        Optional<Long> writeCapacity,
        Optional<AutoScalingSpec> autoScaling) {

    /** An index without auto scaling. */
    public GlobalSecondaryIndex(String indexName, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                                Projection projection, Optional<Long> readCapacity, Optional<Long> writeCapacity) {
        this(indexName, partitionKey, sortKey, projection, readCapacity, writeCapacity, Optional.empty());
    }
}
