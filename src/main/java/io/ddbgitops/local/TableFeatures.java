package io.ddbgitops.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Table settings DynamoDB Local ignores, kept by the front: table class, KMS encryption, global table replicas,
 * contributor insights (per table, key "", and per index) and when TTL was last changed. Times are epoch seconds;
 * on-demand caps (DynamoDB Local drops a pair with one cap unset); an empty key ARN means the AWS owned key,
 * 0 means "never"; {@code replicaOverrides}: the table's own settings as a replica of a global table;
 * {@code strong} and {@code witnesses}: multi-Region strong consistency and its witness Regions.
 */
record TableFeatures(String tableClass, double tableClassUpdatedAt, String kmsKeyArn, List<String> replicas,
        Map<String, String> contributorInsights, double ttlChangedAt, long maxReadRequestUnits,
        long maxWriteRequestUnits, Map<String, WarmThroughputs.Kept> indexes, ReplicaOverrides replicaOverrides,
        boolean strong, List<String> witnesses) {
    static final String STANDARD = "STANDARD";
    /** AWS's value for "no cap" in OnDemandThroughput. */
    static final long UNCAPPED = -1;
    static final TableFeatures DEFAULT = new TableFeatures(STANDARD, 0, "", List.of(), Map.of(), 0, UNCAPPED,
            UNCAPPED, Map.of(), ReplicaOverrides.NONE, false, List.of());

    TableFeatures {
        replicas = List.copyOf(new TreeSet<>(replicas));
        contributorInsights = Map.copyOf(contributorInsights);
        // absent in state files written before warm throughput was kept
        indexes = indexes == null ? Map.of() : Map.copyOf(indexes);
        // absent in state files written before replicas had settings of their own
        replicaOverrides = replicaOverrides == null ? ReplicaOverrides.NONE : replicaOverrides;
        // absent in state files written before multi-Region strong consistency was kept
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }

    /** This table's own settings as a replica of a global table ({@link ReplicaSettings}). */
    TableFeatures withReplicaOverrides(ReplicaOverrides value) {
        return new TableFeatures(tableClass, tableClassUpdatedAt, kmsKeyArn, replicas, contributorInsights,
                ttlChangedAt, maxReadRequestUnits, maxWriteRequestUnits, indexes, value, strong, witnesses);
    }

    /** Warm throughput and index caps, DynamoDB Local drops ({@link WarmThroughputs}). */
    TableFeatures withIndexes(Map<String, WarmThroughputs.Kept> value) {
        return new TableFeatures(tableClass, tableClassUpdatedAt, kmsKeyArn, replicas, contributorInsights,
                ttlChangedAt, maxReadRequestUnits, maxWriteRequestUnits, value, replicaOverrides, strong, witnesses);
    }

    Optional<String> kmsKey() {
        return kmsKeyArn.isEmpty() ? Optional.empty() : Optional.of(kmsKeyArn);
    }

    TableFeatures withTableClass(String newClass, double at) {
        return new TableFeatures(newClass, at, kmsKeyArn, replicas, contributorInsights, ttlChangedAt,
                maxReadRequestUnits, maxWriteRequestUnits, indexes, replicaOverrides, strong, witnesses);
    }

    TableFeatures withKmsKey(Optional<String> arn) {
        return new TableFeatures(tableClass, tableClassUpdatedAt, arn.orElse(""), replicas, contributorInsights,
                ttlChangedAt, maxReadRequestUnits, maxWriteRequestUnits, indexes, replicaOverrides, strong, witnesses);
    }

    TableFeatures withReplicas(List<String> regions) {
        return new TableFeatures(tableClass, tableClassUpdatedAt, kmsKeyArn, regions, contributorInsights,
                ttlChangedAt, maxReadRequestUnits, maxWriteRequestUnits, indexes, replicaOverrides, strong, witnesses);
    }

    TableFeatures withContributorInsights(String index, String status) {
        Map<String, String> next = new TreeMap<>(contributorInsights);
        next.put(index, status);
        return new TableFeatures(tableClass, tableClassUpdatedAt, kmsKeyArn, replicas, next, ttlChangedAt,
                maxReadRequestUnits, maxWriteRequestUnits, indexes, replicaOverrides, strong, witnesses);
    }

    TableFeatures withOnDemandCaps(long maxRead, long maxWrite) {
        return new TableFeatures(tableClass, tableClassUpdatedAt, kmsKeyArn, replicas, contributorInsights,
                ttlChangedAt, maxRead, maxWrite, indexes, replicaOverrides, strong, witnesses);
    }

    /** Multi-Region strong consistency, and the witness Region(s) of the group. */
    TableFeatures withStrongConsistency(boolean value, List<String> witnessRegions) {
        return new TableFeatures(tableClass, tableClassUpdatedAt, kmsKeyArn, replicas, contributorInsights,
                ttlChangedAt, maxReadRequestUnits, maxWriteRequestUnits, indexes, replicaOverrides, value,
                witnessRegions);
    }

    boolean capped() {
        return maxReadRequestUnits != UNCAPPED || maxWriteRequestUnits != UNCAPPED;
    }

    TableFeatures withTtlChangedAt(double at) {
        return new TableFeatures(tableClass, tableClassUpdatedAt, kmsKeyArn, replicas, contributorInsights, at,
                maxReadRequestUnits, maxWriteRequestUnits, indexes, replicaOverrides, strong, witnesses);
    }
}
