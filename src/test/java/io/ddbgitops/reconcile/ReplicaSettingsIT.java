package io.ddbgitops.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.ddbgitops.local.AwsCli;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each replica's own settings through the local endpoint: created with the replica in its one Create, changed by one
 * ReplicaUpdates Update per UpdateTable, drift made with the AWS CLI seen by plan, removal of what AWS cannot remove
 * blocked with the reason, and the endpoint's DescribeTable and refusals on the wire.
 */
class ReplicaSettingsIT extends EndpointPerTest {
    private static final String INDEX = """
                global_secondary_indexes:
                  - index_name: byDay
                    pri_key_attributename: day
                    pri_key_attributetype: S
                    projection: ALL
            """;

    /** An on-demand global table with the index byDay and these lines under {@code replicas:}. */
    private static String manifest(String table, String replicas) {
        return Manifests.onDemand(table, INDEX + "    replicas:\n" + replicas);
    }

    private ReplicaDescription replica(String table, String region) {
        return clients.forRegion("us-east-1").describeTable(r -> r.tableName(table)).table().replicas().stream()
                .filter(r -> r.regionName().equals(region)).findFirst().orElseThrow();
    }

    /** The read capacity the replica table itself has, as its own region's DescribeTable shows it. */
    private long ownReads(String region, String table) {
        return clients.forRegion(region).describeTable(r -> r.tableName(table)).table().provisionedThroughput()
                .readCapacityUnits();
    }

    /** The UpdateTable calls that carried ReplicaUpdates, in order. */
    private List<UpdateTableRequest> replicaCalls() {
        return recorder.calls().stream().filter(c -> c.request() instanceof UpdateTableRequest u
                && u.hasReplicaUpdates()).map(c -> (UpdateTableRequest) c.request()).toList();
    }

    private static TableEntry entry(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static ChangeEntry change(RunResult result, String table, String field) {
        return entry(result, table).changes().stream().filter(c -> c.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " not in " + result.markdown()));
    }

    @Test
    void aReplicaIsCreatedWithItsOwnSettingsInItsOneCreateAndThenPlansInSync() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("global", Map.of("t.yaml", manifest("Capped", """
                      - region: eu-west-1
                        max_read_request_units: 100
                        table_class: STANDARD_INFREQUENT_ACCESS
                        global_secondary_indexes:
                          - {index_name: byDay, max_read_request_units: 50}
                """)));

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(replicaCalls()).hasSize(1);
        assertThat(replicaCalls().get(0).replicaUpdates()).singleElement().satisfies(u -> {
            assertThat(u.create().onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(100L);
            assertThat(u.create().tableClassOverrideAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
            assertThat(u.create().globalSecondaryIndexes()).singleElement()
                    .satisfies(i -> assertThat(i.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(50L));
        });
        ReplicaDescription eu = replica("Capped", "eu-west-1");
        assertThat(eu.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(100L);
        assertThat(eu.replicaTableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(eu.globalSecondaryIndexes()).singleElement().satisfies(i -> {
            assertThat(i.indexName()).isEqualTo("byDay");
            assertThat(i.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(50L);
        });
        // the replica table itself has the class it was given
        assertThat(clients.forRegion("eu-west-1").describeTable(r -> r.tableName("Capped")).table()
                .tableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");

        RunResult plan = run(repo, RunRequest.Mode.PLAN);
        assertThat(plan.exitCode()).as(plan.markdown()).isZero();
        assertThat(entry(plan, "Capped").changes()).isEmpty();
    }

    @Test
    void aChangedOverrideIsOneUpdatePerReplicaAndPerCall() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("two replicas", Map.of("t.yaml", manifest("Pair", """
                      - {region: eu-west-1, max_read_request_units: 100}
                      - {region: ap-south-1, max_read_request_units: 100}
                """)));
        // one replica per UpdateTable, each long work: a second run adds the second
        run(repo, RunRequest.Mode.APPLY);
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        repo.commit("raise both", Map.of("t.yaml", manifest("Pair", """
                      - {region: eu-west-1, max_read_request_units: 200}
                      - {region: ap-south-1, max_read_request_units: 300, table_class: STANDARD_INFREQUENT_ACCESS}
                """)));
        recorder.clear();

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(replicaCalls()).hasSize(2).allSatisfy(call -> assertThat(call.replicaUpdates()).singleElement()
                .satisfies(u -> assertThat(u.update()).isNotNull()));
        assertThat(replica("Pair", "eu-west-1").onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(200L);
        ReplicaDescription ap = replica("Pair", "ap-south-1");
        assertThat(ap.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(300L);
        assertThat(ap.replicaTableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(entry(run(repo, RunRequest.Mode.PLAN), "Pair").changes()).isEmpty();
    }

    @Test
    void driftMadeWithTheAwsCliIsSeenByPlanAndPutBackByApply() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        ConfigRepo repo = ConfigRepo.create(temp).commit("global", Map.of("t.yaml", manifest("Drifty", """
                      - {region: eu-west-1, max_read_request_units: 100}
                """)));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp);
        JsonNode answer = cli.json("dynamodb", "update-table", "--table-name", "Drifty", "--replica-updates",
                "[{\"Update\":{\"RegionName\":\"eu-west-1\",\"OnDemandThroughputOverride\":{\"MaxReadRequestUnits\":300},"
                        + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byDay\",\"OnDemandThroughputOverride\":"
                        + "{\"MaxReadRequestUnits\":40}}]}}]");
        JsonNode described = answer.path("TableDescription").path("Replicas").get(0);
        assertThat(described.path("OnDemandThroughputOverride").path("MaxReadRequestUnits").asLong()).isEqualTo(300);
        assertThat(described.path("GlobalSecondaryIndexes").get(0).path("OnDemandThroughputOverride")
                .path("MaxReadRequestUnits").asLong()).isEqualTo(40);

        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.exitCode()).as(plan.markdown()).isEqualTo(2);
        assertThat(entry(plan, "Drifty").status()).isEqualTo("drifted");
        ChangeEntry drift = change(plan, "Drifty", "replica.eu-west-1.max_read_request_units");
        assertThat(drift.from()).isEqualTo("300");
        assertThat(drift.to()).isEqualTo("100");
        assertThat(drift.cause()).isEqualTo("drift");
        // an index override someone else set, that the manifest never named, is left alone
        assertThat(entry(plan, "Drifty").changes()).noneMatch(c -> c.field().contains(".gsi."));

        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        assertThat(replica("Drifty", "eu-west-1").onDemandThroughputOverride().maxReadRequestUnits())
                .isEqualTo(100L);
    }

    @Test
    void aDeletedCapIsBlockedBecauseAwsCannotRemoveItAndADeletedTableClassGoesBackToTheTables() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("global", Map.of("t.yaml", manifest("Removal", """
                      - {region: eu-west-1, max_read_request_units: 100, table_class: STANDARD_INFREQUENT_ACCESS}
                """)));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        repo.commit("bare again", Map.of("t.yaml", manifest("Removal", "      - eu-west-1\n")));
        recorder.clear();

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(apply, "Removal").status()).as(apply.markdown()).isEqualTo("blocked");
        assertThat(change(apply, "Removal", "replica.eu-west-1.max_read_request_units").action()).isEqualTo("blocked");
        assertThat(entry(apply, "Removal").messages()).anyMatch(m -> m.contains(
                "max_read_request_units of replica eu-west-1 cannot be removed"));
        assertThat(replicaCalls()).singleElement().satisfies(call -> assertThat(call.replicaUpdates().get(0).update()
                .tableClassOverrideAsString()).isEqualTo("STANDARD"));
        ReplicaDescription eu = replica("Removal", "eu-west-1");
        assertThat(eu.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(100L);
        assertThat(eu.replicaTableClassSummary().tableClassAsString()).isEqualTo("STANDARD");
        // still blocked on the next run: the override is still there and the reason still holds
        assertThat(entry(run(repo, RunRequest.Mode.PLAN), "Removal").status()).isEqualTo("blocked");
    }

    @Test
    void aProvisionedReplicasReadOverrideIsCreatedAndChanged() throws Exception {
        // provisioned (10 and 10 by default), writes auto scaled as AWS requires of a global table
        String scaled = """
                    autoscaling:
                      write: {min: 5, max: 50, target_utilization: 70}
                """;
        ConfigRepo repo = ConfigRepo.create(temp).commit("provisioned", Map.of("t.yaml", Manifests.onDemand("Fixed",
                scaled + "    replicas:\n      - {region: eu-west-1, read_capacity_override: 7}\n")
                .replace("    billing_mode: PAY_PER_REQUEST\n", "")));
        RunResult created = run(repo, RunRequest.Mode.APPLY);
        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(replica("Fixed", "eu-west-1").provisionedThroughputOverride().readCapacityUnits()).isEqualTo(7L);
        assertThat(ownReads("eu-west-1", "Fixed")).isEqualTo(7L);

        repo.commit("more reads", Map.of("t.yaml", Manifests.onDemand("Fixed",
                scaled + "    replicas:\n      - {region: eu-west-1, read_capacity_override: 9}\n")
                .replace("    billing_mode: PAY_PER_REQUEST\n", "")));
        recorder.clear();
        RunResult changed = run(repo, RunRequest.Mode.APPLY);

        assertThat(changed.exitCode()).as(changed.markdown()).isZero();
        assertThat(replicaCalls()).singleElement().satisfies(call -> assertThat(call.replicaUpdates().get(0).update()
                .provisionedThroughputOverride().readCapacityUnits()).isEqualTo(9L));
        assertThat(replica("Fixed", "eu-west-1").provisionedThroughputOverride().readCapacityUnits()).isEqualTo(9L);
        assertThat(ownReads("eu-west-1", "Fixed")).isEqualTo(9L);
        assertThat(change(changed, "Fixed", "replica.eu-west-1.read_capacity_override").from()).isEqualTo("7");
    }

    @Test
    void aWrongOverrideIsRefusedOfflineWithFileAndLine() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("wrong kind", Map.of("t.yaml", manifest("Wrong", """
                      - {region: eu-west-1, read_capacity_override: 5}
                """)));

        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.exitCode()).isEqualTo(3);
        assertThat(plan.report().errors()).anySatisfy(e -> {
            assertThat(e.file()).endsWith("t.yaml");
            assertThat(e.line()).isEqualTo(19);
            assertThat(e.field()).endsWith("replicas.0.read_capacity_override");
            assertThat(e.message()).contains("only allowed when billing_mode is PROVISIONED");
        });
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void theEndpointRefusesUpdatesItCannotTakeOnTheWire() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        ConfigRepo repo = ConfigRepo.create(temp).commit("global", Map.of("t.yaml", manifest("Wire", """
                      - eu-west-1
                """)));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp);

        AwsCli.Result index = cli.run("dynamodb", "update-table", "--table-name", "Wire", "--replica-updates",
                "[{\"Update\":{\"RegionName\":\"eu-west-1\",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byNothing\","
                        + "\"OnDemandThroughputOverride\":{\"MaxReadRequestUnits\":5}}]}}]");
        AwsCli.Result region = cli.run("dynamodb", "update-table", "--table-name", "Wire", "--replica-updates",
                "[{\"Update\":{\"RegionName\":\"ap-south-1\",\"TableClassOverride\":\"STANDARD\"}}]");
        AwsCli.Result provisioned = cli.run("dynamodb", "update-table", "--table-name", "Wire", "--replica-updates",
                "[{\"Update\":{\"RegionName\":\"eu-west-1\",\"ProvisionedThroughputOverride\":{\"ReadCapacityUnits\":5}}}]");

        assertThat(index.exitCode()).isNotZero();
        assertThat(index.stderr()).contains("(ValidationException)").contains("byNothing");
        assertThat(region.exitCode()).isNotZero();
        assertThat(region.stderr()).contains("(ValidationException)").contains("no such replica");
        assertThat(provisioned.exitCode()).isNotZero();
        assertThat(provisioned.stderr()).contains("(ValidationException)").contains("PAY_PER_REQUEST");
        assertThat(replica("Wire", "eu-west-1").onDemandThroughputOverride()).isNull();
    }
}
