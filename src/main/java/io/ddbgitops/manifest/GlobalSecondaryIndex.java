package io.ddbgitops.manifest;

import java.util.Optional;

/** A global secondary index as declared; capacities only matter on PROVISIONED tables. */
public record GlobalSecondaryIndex(
        String indexName,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        Projection projection,
        Optional<Long> readCapacity,
        Optional<Long> writeCapacity) {
}
