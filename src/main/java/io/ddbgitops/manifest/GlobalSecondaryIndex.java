package io.ddbgitops.manifest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A global secondary index as declared; capacities and auto scaling only matter on PROVISIONED tables, on-demand
 * caps only on PAY_PER_REQUEST ones. {@code partitionKey} and {@code sortKey} are the first key attributes; a
 * multi-attribute key ({@code partition_keys}, {@code sort_keys}) adds the others, in order, in
 * {@code morePartitionKeys} and {@code moreSortKeys}.
 */
public record GlobalSecondaryIndex(
        String indexName,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        Projection projection,
        Optional<Long> readCapacity,
        Optional<Long> writeCapacity,
        Optional<AutoScalingSpec> autoScaling,
        List<KeyAttribute> morePartitionKeys,
        List<KeyAttribute> moreSortKeys,
        Optional<WarmThroughputSpec> warmThroughput,
        Optional<Long> maxReadRequestUnits,
        Optional<Long> maxWriteRequestUnits,
        Optional<ContributorInsightsSpec> contributorInsights) {

    public GlobalSecondaryIndex {
        morePartitionKeys = List.copyOf(morePartitionKeys);
        moreSortKeys = List.copyOf(moreSortKeys);
    }

    /** An index with single-attribute keys and none of the newer settings. */
    public GlobalSecondaryIndex(String indexName, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                                Projection projection, Optional<Long> readCapacity, Optional<Long> writeCapacity,
                                Optional<AutoScalingSpec> autoScaling) {
        this(indexName, partitionKey, sortKey, projection, readCapacity, writeCapacity, autoScaling, List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An index without auto scaling. */
    public GlobalSecondaryIndex(String indexName, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                                Projection projection, Optional<Long> readCapacity, Optional<Long> writeCapacity) {
        this(indexName, partitionKey, sortKey, projection, readCapacity, writeCapacity, Optional.empty());
    }

    /** Every partition key attribute, in the declared order. */
    public List<KeyAttribute> partitionKeys() {
        return Stream.concat(Stream.of(partitionKey), morePartitionKeys.stream()).toList();
    }

    /** Every sort key attribute, in the declared order; empty without a sort key. */
    public List<KeyAttribute> sortKeys() {
        return Stream.concat(sortKey.stream(), moreSortKeys.stream()).toList();
    }
}
