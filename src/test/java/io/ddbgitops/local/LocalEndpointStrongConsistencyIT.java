package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WitnessStatus;

/**
 * The endpoint's multi-Region strong consistency: kept across restarts, described on every member, and the
 * documented way back to one region (a witness deleted with a replica) as the only change it takes.
 */
class LocalEndpointStrongConsistencyIT {
    @TempDir
    Path dataDir;

    private static void makeStrong(DynamoDbClient client, String table) {
        client.updateTable(r -> r.tableName(table)
                .replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c.regionName("us-east-2")).build())
                .globalTableWitnessUpdates(GlobalTableWitnessGroupUpdate.builder()
                        .create(c -> c.regionName("us-west-2")).build())
                .multiRegionConsistency(MultiRegionConsistency.STRONG));
    }

    @Test
    void keepsTheConsistencyAndWitnessAcrossARestartOnEveryMember() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("kept").build());
            makeStrong(client, "kept");
        }

        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient home = Clients.client(endpoint);
                DynamoDbClient replica = Clients.client(endpoint, "us-east-2", "AKIDCLI")) {
            for (DynamoDbClient client : new DynamoDbClient[] {home, replica}) {
                TableDescription table = client.describeTable(r -> r.tableName("kept")).table();
                assertThat(table.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
                assertThat(table.globalTableWitnesses()).singleElement().satisfies(w -> {
                    assertThat(w.regionName()).isEqualTo("us-west-2");
                    assertThat(w.witnessStatus()).isEqualTo(WitnessStatus.ACTIVE);
                });
            }
            assertThat(replica.describeTable(r -> r.tableName("kept")).table().replicas())
                    .extracting(r -> r.regionName()).containsExactly("us-east-1");
        }
    }

    @Test
    void takesTheWitnessAwayOnlyWithAReplicaLeavingASingleRegionTable() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("shrinking").build());
            makeStrong(client, "shrinking");

            assertThatThrownBy(() -> client.updateTable(r -> r.tableName("shrinking").globalTableWitnessUpdates(
                    GlobalTableWitnessGroupUpdate.builder().delete(d -> d.regionName("us-west-2")).build())))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("A witness must be deleted together with one replica");
            assertThatThrownBy(() -> client.updateTable(r -> r.tableName("shrinking")
                    .multiRegionConsistency("SOMETIMES")
                    .replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c.regionName("us-west-1")).build())))
                    .hasMessageContaining("Value 'SOMETIMES' at 'multiRegionConsistency' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: [EVENTUAL, STRONG]");

            // a replica's own settings are not a change of the three regions
            client.updateTable(r -> r.tableName("shrinking").replicaUpdates(ReplicationGroupUpdate.builder()
                    .update(u -> u.regionName("us-east-2").tableClassOverride("STANDARD")).build()));

            client.updateTable(r -> r.tableName("shrinking")
                    .replicaUpdates(ReplicationGroupUpdate.builder().delete(d -> d.regionName("us-east-2")).build())
                    .globalTableWitnessUpdates(GlobalTableWitnessGroupUpdate.builder()
                            .delete(d -> d.regionName("us-west-2")).build()));

            TableDescription table = client.describeTable(r -> r.tableName("shrinking")).table();
            assertThat(table.multiRegionConsistency()).isNull();
            assertThat(table.hasGlobalTableWitnesses()).isFalse();
            assertThat(table.replicas()).isEmpty();
        }
    }
}
