package io.ddbgitops.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.ddbgitops.local.AwsCli;
import io.ddbgitops.plan.replicas.StrongConsistencyRules;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multi-Region strong consistency through the local endpoint: created in AWS's one UpdateTable (replicas, mode and
 * witness together), described on the wire as AWS does (checked with the AWS CLI), refused on a table holding items,
 * never changed afterwards; EVENTUAL tables keep one replica per call.
 */
class StrongConsistencyIT extends EndpointPerTest {

    private TableDescription describe(String region, String table) {
        return clients.forRegion(region).describeTable(r -> r.tableName(table)).table();
    }

    private static TableEntry entry(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    /** The UpdateTable calls of a run that carried replica or witness updates. */
    private List<UpdateTableRequest> globalTableCalls(String table) {
        return recorder.calls().stream().filter(c -> c.operation().equals("UpdateTable") && table.equals(c.table()))
                .map(c -> (UpdateTableRequest) c.request())
                .filter(r -> r.hasReplicaUpdates() || r.hasGlobalTableWitnessUpdates()).toList();
    }

    @Test
    void createsAStrongTableWithTwoReplicasInOneUpdateTable() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("strong", Map.of("t.yaml", Manifests.onDemand("Ledger", """
                    multi_region_consistency: STRONG
                    replicas: [us-west-2, us-east-2]
                """)));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(entry(created, "Ledger").changes()).extracting(ChangeEntry::field)
                .contains(StrongConsistencyRules.MODE, "replicas");
        List<UpdateTableRequest> calls = globalTableCalls("Ledger");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
        assertThat(calls.get(0).replicaUpdates()).extracting(u -> u.create().regionName())
                .containsExactly("us-east-2", "us-west-2");
        TableDescription table = describe("us-east-1", "Ledger");
        assertThat(table.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
        assertThat(table.replicas()).extracting(r -> r.regionName()).containsExactly("us-east-2", "us-west-2");
        assertThat(describe("us-west-2", "Ledger").multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
        assertThat(describe("us-east-2", "Ledger").tableStatusAsString()).isEqualTo("ACTIVE");

        RunResult again = run(repo, RunRequest.Mode.PLAN);
        assertThat(again.exitCode()).as(again.markdown()).isZero();
        assertThat(entry(again, "Ledger").status()).isEqualTo("in_sync");
    }

    @Test
    void createsAStrongTableWithAWitnessThatDescribeTableShowsOnTheWire() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("witness", Map.of("t.yaml", Manifests.onDemand("Journal", """
                    multi_region_consistency: STRONG
                    replicas: [us-east-2]
                    witness_region: us-west-2
                """)));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        List<UpdateTableRequest> calls = globalTableCalls("Journal");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).globalTableWitnessUpdates()).extracting(w -> w.create().regionName())
                .containsExactly("us-west-2");
        assertThat(describe("us-east-1", "Journal").globalTableWitnesses()).extracting(w -> w.regionName())
                .containsExactly("us-west-2");
        assertThatThrownBy(() -> describe("us-west-2", "Journal")).as("a witness holds no table")
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(entry(run(repo, RunRequest.Mode.PLAN), "Journal").status()).isEqualTo("in_sync");

        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        JsonNode wire = new AwsCli(endpoint.endpoint(), temp).json("dynamodb", "describe-table",
                "--table-name", "Journal").path("Table");
        assertThat(wire.path("MultiRegionConsistency").asText()).isEqualTo("STRONG");
        assertThat(wire.path("GlobalTableWitnesses")).hasSize(1);
        assertThat(wire.path("GlobalTableWitnesses").get(0).path("RegionName").asText()).isEqualTo("us-west-2");
        assertThat(wire.path("GlobalTableWitnesses").get(0).path("WitnessStatus").asText()).isEqualTo("ACTIVE");
        assertThat(wire.path("Replicas").get(0).path("RegionName").asText()).isEqualTo("us-east-2");
    }

    @Test
    void aTableHoldingItemsIsBlockedAndTheEndpointRefusesIt() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("single", Map.of("t.yaml", Manifests.onDemand("Filled", "")));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        clients.forRegion("us-east-1").putItem(r -> r.tableName("Filled")
                .item(Map.of("id", AttributeValue.fromS("one"))));

        repo.commit("strong", Map.of("t.yaml", Manifests.onDemand("Filled", """
                    multi_region_consistency: STRONG
                    replicas: [us-east-2]
                    witness_region: us-west-2
                """)));
        RunResult blocked = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(blocked, "Filled").status()).as(blocked.markdown()).isEqualTo("blocked");
        assertThat(entry(blocked, "Filled").messages())
                .anyMatch(m -> m.contains("holds items") && m.contains(StrongConsistencyRules.NOT_EMPTY_HINT));
        assertThat(describe("us-east-1", "Filled").replicas()).isEmpty();
        assertThat(describe("us-east-1", "Filled").multiRegionConsistency()).isNull();

        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        AwsCli.Result refused = new AwsCli(endpoint.endpoint(), temp).run("dynamodb", "update-table",
                "--table-name", "Filled", "--replica-updates", "[{\"Create\":{\"RegionName\":\"us-east-2\"}}]",
                "--global-table-witness-updates", "[{\"Create\":{\"RegionName\":\"us-west-2\"}}]",
                "--multi-region-consistency", "STRONG");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("(ValidationException)").contains("empty table");
    }

    @Test
    void everyChangeOfAStrongTableIsBlockedAndNothingIsTouched() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("witness", Map.of("t.yaml", Manifests.onDemand("Fixed", """
                    multi_region_consistency: STRONG
                    replicas: [us-east-2]
                    witness_region: us-west-2
                """)));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();

        repo.commit("eventual", Map.of("t.yaml", Manifests.onDemand("Fixed", """
                    replicas: [us-east-2, us-west-2]
                """)));
        RunResult blocked = run(repo, RunRequest.Mode.APPLY);

        TableEntry fixed = entry(blocked, "Fixed");
        assertThat(fixed.status()).as(blocked.markdown()).isEqualTo("blocked");
        assertThat(fixed.changes()).filteredOn(c -> c.field().equals(StrongConsistencyRules.MODE))
                .singleElement().satisfies(c -> {
                    assertThat(c.from()).isEqualTo("STRONG");
                    assertThat(c.to()).isEqualTo("EVENTUAL");
                    assertThat(c.action()).isEqualTo("blocked");
                });
        assertThat(fixed.messages()).anyMatch(m -> m.contains("consistency mode cannot be changed after creation"));
        TableDescription table = describe("us-east-1", "Fixed");
        assertThat(table.multiRegionConsistency()).isEqualTo(MultiRegionConsistency.STRONG);
        assertThat(table.replicas()).extracting(r -> r.regionName()).containsExactly("us-east-2");
        assertThatThrownBy(() -> describe("us-west-2", "Fixed")).isInstanceOf(ResourceNotFoundException.class);

        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        AwsCli.Result refused = new AwsCli(endpoint.endpoint(), temp).run("dynamodb", "update-table",
                "--table-name", "Fixed", "--replica-updates", "[{\"Create\":{\"RegionName\":\"us-west-1\"}}]");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("(ValidationException)").contains("cannot be added to");
    }

    @Test
    void eventualReplicasStillComeOnePerCallAndTheEndpointWantsThreeRegionsForStrong() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("eventual", Map.of("t.yaml", Manifests.onDemand("Loose", """
                    replicas: [us-west-2, us-east-2]
                """)));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(globalTableCalls("Loose")).hasSize(2).allSatisfy(call -> {
            assertThat(call.replicaUpdates()).hasSize(1);
            assertThat(call.multiRegionConsistency()).isNull();
        });
        assertThat(describe("us-east-1", "Loose").multiRegionConsistency()).isNull();

        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp);
        cli.json("dynamodb", "create-table", "--table-name", "Two", "--attribute-definitions",
                "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH",
                "--billing-mode", "PAY_PER_REQUEST");
        AwsCli.Result two = cli.run("dynamodb", "update-table", "--table-name", "Two", "--replica-updates",
                "[{\"Create\":{\"RegionName\":\"us-east-2\"}}]", "--multi-region-consistency", "STRONG");
        assertThat(two.exitCode()).isNotZero();
        assertThat(two.stderr()).contains("(ValidationException)").contains("exactly three different Regions");
        AwsCli.Result eventualPair = cli.run("dynamodb", "update-table", "--table-name", "Two", "--replica-updates",
                "[{\"Create\":{\"RegionName\":\"us-east-2\"}},{\"Create\":{\"RegionName\":\"us-west-2\"}}]");
        assertThat(eventualPair.stderr()).contains(
                "Update table operation with more than one create or delete replica actions not allowed");
    }
}
