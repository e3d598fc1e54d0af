package io.ddbgitops.aws;

import io.ddbgitops.manifest.ReplicaSpec;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughputOverride;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputOverride;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A replica's own settings on the wire: the ReplicaUpdates Create and Update that carry them (one replica action per
 * UpdateTable, as the planner sends them), and what DescribeTable's {@code Replicas} says about them, read from the
 * table's own description (no call of its own).
 */
final class ReplicaRequests {
    private ReplicaRequests() {}

    static UpdateTableRequest create(String table, ReplicaSpec replica) {
        return UpdateTableRequest.builder().tableName(table).replicaUpdates(createAction(replica)).build();
    }

    /** The {@code Create} of one replica with its own settings (also one of a STRONG table's creating call). */
    static ReplicationGroupUpdate createAction(ReplicaSpec replica) {
        return ReplicationGroupUpdate.builder()
                .create(c -> c.regionName(replica.region())
                        .provisionedThroughputOverride(read(replica.readCapacityOverride()))
                        .onDemandThroughputOverride(cap(replica.maxReadRequestUnits()))
                        .tableClassOverride(replica.tableClass().map(Enum::name).orElse(null))
                        .kmsMasterKeyId(replica.kmsKeyId().orElse(null))
                        .globalSecondaryIndexes(indexes(replica)))
                .build();
    }

    static UpdateTableRequest update(String table, ReplicaSpec changes) {
        return UpdateTableRequest.builder().tableName(table).replicaUpdates(ReplicationGroupUpdate.builder()
                .update(u -> u.regionName(changes.region())
                        .provisionedThroughputOverride(read(changes.readCapacityOverride()))
                        .onDemandThroughputOverride(cap(changes.maxReadRequestUnits()))
                        .tableClassOverride(changes.tableClass().map(Enum::name).orElse(null))
                        .kmsMasterKeyId(changes.kmsKeyId().orElse(null))
                        .globalSecondaryIndexes(indexes(changes)))
                .build()).build();
    }

    /** Each other region's replica settings, keyed by region. */
    static Map<String, ReplicaSpec> observed(TableDescription table, String ownRegion) {
        Map<String, ReplicaSpec> replicas = new TreeMap<>();
        for (ReplicaDescription r : table.replicas()) {
            if (r.regionName() != null && !r.regionName().equals(ownRegion)) {
                replicas.put(r.regionName(), observed(r));
            }
        }
        return replicas;
    }

    private static ReplicaSpec observed(ReplicaDescription r) {
        List<ReplicaSpec.IndexOverride> indexes = r.globalSecondaryIndexes().stream()
                .map(ReplicaRequests::observed)
                .filter(i -> i.readCapacityOverride().isPresent() || i.maxReadRequestUnits().isPresent())
                .toList();
        return new ReplicaSpec(r.regionName(),
                Optional.ofNullable(r.provisionedThroughputOverride())
                        .map(ProvisionedThroughputOverride::readCapacityUnits),
                Optional.ofNullable(r.onDemandThroughputOverride())
                        .map(OnDemandThroughputOverride::maxReadRequestUnits),
                Optional.ofNullable(r.replicaTableClassSummary()).map(s -> s.tableClassAsString())
                        .map(io.ddbgitops.manifest.TableClass::valueOf),
                Optional.ofNullable(r.kmsMasterKeyId()).filter(k -> !k.isEmpty()),
                indexes);
    }

    private static ReplicaSpec.IndexOverride observed(ReplicaGlobalSecondaryIndexDescription index) {
        return new ReplicaSpec.IndexOverride(index.indexName(),
                Optional.ofNullable(index.provisionedThroughputOverride())
                        .map(ProvisionedThroughputOverride::readCapacityUnits),
                Optional.ofNullable(index.onDemandThroughputOverride())
                        .map(OnDemandThroughputOverride::maxReadRequestUnits));
    }

    private static ProvisionedThroughputOverride read(Optional<Long> units) {
        return units.map(u -> ProvisionedThroughputOverride.builder().readCapacityUnits(u).build()).orElse(null);
    }

    private static OnDemandThroughputOverride cap(Optional<Long> units) {
        return units.map(u -> OnDemandThroughputOverride.builder().maxReadRequestUnits(u).build()).orElse(null);
    }

    /** AWS wants the list absent, not empty (at least one member when given). */
    private static List<ReplicaGlobalSecondaryIndex> indexes(ReplicaSpec replica) {
        if (replica.globalSecondaryIndexes().isEmpty()) {
            return null;
        }
        return replica.globalSecondaryIndexes().stream().map(i -> ReplicaGlobalSecondaryIndex.builder()
                .indexName(i.indexName())
                .provisionedThroughputOverride(read(i.readCapacityOverride()))
                .onDemandThroughputOverride(cap(i.maxReadRequestUnits()))
                .build()).toList();
    }
}
