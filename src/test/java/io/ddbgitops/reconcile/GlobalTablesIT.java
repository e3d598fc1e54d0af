package io.ddbgitops.reconcile;

import io.ddbgitops.local.AwsCli;
import io.ddbgitops.plan.replicas.ReplicaRules;
import io.ddbgitops.report.Disruptions;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Global tables (version 2019.11.21) through the local endpoint: what AWS refuses is planned as blocked with AWS's
 * reason, the endpoint refuses it on the wire as AWS does (checked with the AWS CLI), and a replica of a managed
 * table is never reported as undeclared.
 */
class GlobalTablesIT extends EndpointPerTest {

    /** A table in us-east-1 with these lines under optional_spec; provisioned 5/5 unless they say otherwise. */
    private static String manifest(String table, String region, String optionalSpec) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: it
                spec:
                  region: "%s"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  readcapacityunits: 5
                  writecapacityunits: 5
                  optional_spec:
                """.formatted(table.toLowerCase(java.util.Locale.ROOT), region, table) + optionalSpec;
    }

    private TableDescription describe(String region, String table) {
        return clients.forRegion(region).describeTable(r -> r.tableName(table)).table();
    }

    private static TableEntry entry(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void aReplicaOfAProvisionedTableWaitsForWriteAutoScalingAndIsAddedOnceTheManifestScalesWrites() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("provisioned global", Map.of("t.yaml",
                manifest("Fixed", "us-east-1", "    replicas: [eu-west-1]\n")));

        RunResult blocked = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(blocked, "Fixed").status()).as(blocked.markdown()).isEqualTo("blocked");
        assertThat(entry(blocked, "Fixed").messages()).anyMatch(m -> m.contains(ReplicaRules.TABLE_WRITE_NOT_SCALED)
                && m.contains("add optional_spec.autoscaling.write or use billing_mode: PAY_PER_REQUEST"));
        assertThat(describe("us-east-1", "Fixed").replicas()).isEmpty();
        assertThatThrownBy(() -> describe("eu-west-1", "Fixed")).isInstanceOf(ResourceNotFoundException.class);

        repo.commit("scale writes", Map.of("t.yaml", manifest("Fixed", "us-east-1", """
                    replicas: [eu-west-1]
                    autoscaling:
                      write: {min: 5, max: 50, target_utilization: 70}
                """)));
        RunResult added = run(repo, RunRequest.Mode.APPLY);

        assertThat(added.exitCode()).as(added.markdown()).isZero();
        assertThat(describe("us-east-1", "Fixed").replicas()).extracting(r -> r.regionName())
                .containsExactly("eu-west-1");
        assertThat(describe("eu-west-1", "Fixed").tableStatus().toString()).isEqualTo("ACTIVE");

        repo.commit("drop the replica", Map.of("t.yaml", manifest("Fixed", "us-east-1", """
                    replicas: []
                    autoscaling:
                      write: {min: 5, max: 50, target_utilization: 70}
                """)));
        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.markdown()).contains(Disruptions.LABEL).contains("replica eu-west-1 is removed");
    }

    @Test
    void theStreamOfAReplicatedTableIsBlockedAndTheEndpointRefusesToDisableIt() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("global", Map.of("t.yaml",
                manifest("Streamed", "us-east-1", """
                    billing_mode: PAY_PER_REQUEST
                    stream_view_type: NEW_AND_OLD_IMAGES
                    replicas: [eu-west-1]
                """).replace("  readcapacityunits: 5\n  writecapacityunits: 5\n", "")));
        RunResult created = run(repo, RunRequest.Mode.APPLY);
        assertThat(created.exitCode()).as(created.markdown()).isZero();

        repo.commit("keys only", Map.of("t.yaml", manifest("Streamed", "us-east-1", """
                    billing_mode: PAY_PER_REQUEST
                    stream_view_type: KEYS_ONLY
                    replicas: [eu-west-1]
                """).replace("  readcapacityunits: 5\n  writecapacityunits: 5\n", "")));
        RunResult blocked = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(blocked, "Streamed").status()).as(blocked.markdown()).isEqualTo("blocked");
        assertThat(entry(blocked, "Streamed").messages()).anyMatch(m -> m.contains(ReplicaRules.STREAM_OF_REPLICA));
        assertThat(describe("us-east-1", "Streamed").streamSpecification().streamViewTypeAsString())
                .isEqualTo("NEW_AND_OLD_IMAGES");

        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        AwsCli.Result refused = new AwsCli(endpoint.endpoint(), temp).run("dynamodb", "update-table",
                "--table-name", "Streamed", "--stream-specification", "StreamEnabled=false");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("(ValidationException)").contains(ReplicaRules.STREAM_OF_REPLICA);
    }

    @Test
    void theEndpointRefusesAReplicaOfAProvisionedTableWithoutWriteAutoScalingAsAwsDoes() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp);
        cli.json("dynamodb", "create-table", "--table-name", "Wire", "--attribute-definitions",
                "AttributeName=id,AttributeType=S", "AttributeName=day,AttributeType=S",
                "--key-schema", "AttributeName=id,KeyType=HASH",
                "--provisioned-throughput", "ReadCapacityUnits=5,WriteCapacityUnits=5",
                "--global-secondary-indexes", "[{\"IndexName\":\"byDay\",\"KeySchema\":[{\"AttributeName\":\"day\","
                        + "\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"},\"ProvisionedThroughput\":"
                        + "{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}]");
        String[] addReplica = {"dynamodb", "update-table", "--table-name", "Wire",
                "--replica-updates", "[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]"};

        AwsCli.Result table = cli.run(addReplica);
        assertThat(table.exitCode()).isNotZero();
        assertThat(table.stderr()).contains("(ValidationException)").contains(ReplicaRules.TABLE_WRITE_NOT_SCALED);

        scale(cli, "table/Wire", "dynamodb:table:WriteCapacityUnits");
        AwsCli.Result index = cli.run(addReplica);
        assertThat(index.exitCode()).isNotZero();
        assertThat(index.stderr()).contains("(ValidationException)").contains(ReplicaRules.GSI_WRITE_NOT_SCALED);

        scale(cli, "table/Wire/index/byDay", "dynamodb:index:WriteCapacityUnits");
        AwsCli.Result two = cli.run("dynamodb", "update-table", "--table-name", "Wire", "--replica-updates",
                "[{\"Create\":{\"RegionName\":\"eu-west-1\"}},{\"Create\":{\"RegionName\":\"ap-south-1\"}}]");
        assertThat(two.exitCode()).isNotZero();
        assertThat(two.stderr()).contains("(ValidationException)")
                .contains("Update table operation with more than one create or delete replica actions not allowed");
        assertThat(cli.json(addReplica).path("TableDescription").path("Replicas").get(0).path("RegionName").asText())
                .isEqualTo("eu-west-1");
    }

    private static void scale(AwsCli cli, String resource, String dimension) throws Exception {
        cli.json("application-autoscaling", "register-scalable-target", "--service-namespace", "dynamodb",
                "--resource-id", resource, "--scalable-dimension", dimension, "--min-capacity", "5",
                "--max-capacity", "50");
        String metric = "DynamoDBWriteCapacityUtilization";
        cli.json("application-autoscaling", "put-scaling-policy", "--service-namespace", "dynamodb",
                "--resource-id", resource, "--scalable-dimension", dimension, "--policy-name", "cli-write",
                "--policy-type", "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration",
                "{\"TargetValue\":70,\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"" + metric + "\"}}");
    }

    @Test
    void aReplicaOfAManagedTableIsNotListedAsUndeclaredInItsRegion() throws Exception {
        // a second manifest in eu-west-1 makes the run list that region's tables, where the replica lives
        ConfigRepo repo = ConfigRepo.create(temp).commit("global and european", Map.of(
                "global.yaml", manifest("Shared", "us-east-1", "    billing_mode: PAY_PER_REQUEST\n"
                        + "    replicas: [eu-west-1]\n").replace("  readcapacityunits: 5\n  writecapacityunits: 5\n", ""),
                "europe.yaml", manifest("Local", "eu-west-1", "    deletion_protection: false\n")));
        RunResult apply = run(repo, RunRequest.Mode.APPLY);
        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(describe("eu-west-1", "Shared").tableStatus().toString()).isEqualTo("ACTIVE");

        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.exitCode()).as(plan.markdown()).isZero();
        assertThat(plan.report().unmanaged()).noneMatch(u -> u.table().equals("Shared"));
        assertThat(plan.markdown()).doesNotContain("eu-west-1/Shared");
    }

    @Test
    void aReplicaAddedByHandToAManagedTableIsNotUndeclaredEitherButAnotherTableIs() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("two regions", Map.of(
                "global.yaml", manifest("Handmade", "us-east-1", "    billing_mode: PAY_PER_REQUEST\n")
                        .replace("  readcapacityunits: 5\n  writecapacityunits: 5\n", ""),
                "europe.yaml", manifest("Local", "eu-west-1", "    deletion_protection: false\n")));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        clients.forRegion("us-east-1").updateTable(r -> r.tableName("Handmade")
                .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        clients.forRegion("eu-west-1").createTable(r -> r.tableName("Stranger")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")).billingMode("PAY_PER_REQUEST"));

        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.report().unmanaged()).extracting(u -> u.region() + "/" + u.table())
                .contains("eu-west-1/Stranger").doesNotContain("eu-west-1/Handmade");
    }

    @Test
    void replicasWrittenAsObjectsAreAddedLikeBareNamesWithTheirOwnSettings() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("mixed replica items", Map.of(
                "mixed.yaml", manifest("Mixed", "us-east-1", """
                            billing_mode: PAY_PER_REQUEST
                            replicas:
                              - eu-west-1
                              - region: ap-southeast-2
                                max_read_request_units: 100
                        """).replace("  readcapacityunits: 5\n  writecapacityunits: 5\n", "")));

        RunResult first = run(repo, RunRequest.Mode.APPLY);
        assertThat(first.exitCode()).as(first.markdown()).isZero();
        // one replica per UpdateTable, each once the table is ACTIVE again: a second run finishes what the first started
        RunResult second = run(repo, RunRequest.Mode.APPLY);
        assertThat(second.exitCode()).as(second.markdown()).isZero();

        assertThat(describe("us-east-1", "Mixed").replicas()).extracting(r -> r.regionName())
                .containsExactlyInAnyOrder("eu-west-1", "ap-southeast-2");
        RunResult plan = run(repo, RunRequest.Mode.PLAN);
        assertThat(plan.exitCode()).as(plan.markdown()).isZero();
        assertThat(entry(plan, "Mixed").changes()).as(plan.markdown()).isEmpty();
        assertThat(describe("us-east-1", "Mixed").replicas()).filteredOn(r -> r.regionName().equals("ap-southeast-2"))
                .singleElement().satisfies(r -> assertThat(r.onDemandThroughputOverride().maxReadRequestUnits())
                        .isEqualTo(100L));
    }
}
