package io.ddbgitops.reconcile;

import io.ddbgitops.local.AwsCli;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto scaling through the local endpoint's Application Auto Scaling: the scaler's capacity is never written,
 * min/max/target go through Application Auto Scaling, and only the targets this tool registered are removed.
 */
class AutoScalingIT extends EndpointPerTest {
    private static final String REGION = "us-east-1";
    private static final String TABLE_READ = "dynamodb:table:ReadCapacityUnits";
    private static final String TABLE_WRITE = "dynamodb:table:WriteCapacityUnits";
    private static final String INDEX_READ = "dynamodb:index:ReadCapacityUnits";
    private static final String READ_5_TO_100 = """
                autoscaling:
                  read: {min: 5, max: 100, target_utilization: 70}
            """;


    /** A provisioned table at 10/10 with these lines under optional_spec. */
    private static String manifest(String table, String optionalSpec) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: it
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  readcapacityunits: 10
                  writecapacityunits: 10
                  optional_spec:
                """.formatted(table.toLowerCase(java.util.Locale.ROOT), table) + optionalSpec;
    }

    /** Each run's calls alone: the recorder is cleared first. */
    @Override
    RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        recorder.clear();
        return super.run(repo, mode);
    }

    private ApplicationAutoScalingClient scaling() {
        return clients.autoScaling(REGION);
    }

    private List<ScalableTarget> targets(String table) {
        return scaling().describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/" + table, "table/" + table + "/index/byStatus")).scalableTargets();
    }

    private List<ScalingPolicy> policies(String resource) {
        return scaling().describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId(resource)).scalingPolicies();
    }

    private TableDescription describe(String table) {
        return clients.forRegion(REGION).describeTable(r -> r.tableName(table)).table();
    }

    private static TableEntry entry(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void aScaledTableWhoseCapacityTheScalerMovedIsInSyncAndNotWritten() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("scaled", Map.of("t.yaml", manifest("Scaled", """
                    autoscaling:
                      read: {min: 5, max: 100, target_utilization: 70}
                      write: {min: 5, max: 50, target_utilization: 60, scale_in_cooldown: 120}
                """)));
        RunResult created = run(repo, RunRequest.Mode.APPLY);
        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(targets("Scaled")).extracting(ScalableTarget::scalableDimensionAsString, ScalableTarget::minCapacity,
                ScalableTarget::maxCapacity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(TABLE_READ, 5, 100),
                org.assertj.core.groups.Tuple.tuple(TABLE_WRITE, 5, 50));
        assertThat(policies("table/Scaled")).extracting(ScalingPolicy::policyName, ScalingPolicy::policyType,
                p -> p.targetTrackingScalingPolicyConfiguration().targetValue()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ddb-gitops-read", PolicyType.TARGET_TRACKING_SCALING, 70.0),
                org.assertj.core.groups.Tuple.tuple("ddb-gitops-write", PolicyType.TARGET_TRACKING_SCALING, 60.0));

        assertThat(endpoint.scaler().setCapacity(REGION, "table/Scaled", TABLE_READ, 37)).isEqualTo(37);
        assertThat(endpoint.scaler().setCapacity(REGION, "table/Scaled", TABLE_WRITE, 12)).isEqualTo(12);
        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(entry(apply, "Scaled").status()).isEqualTo("in_sync");
        assertThat(recorder.writes()).as("no UpdateTable, no scaling call").isEmpty();
        assertThat(recorder.operations()).as("one DescribeScalableTargets for the table")
                .filteredOn("DescribeScalableTargets"::equals).hasSize(1);
        assertThat(describe("Scaled").provisionedThroughput().readCapacityUnits()).isEqualTo(37);
        String information = "read capacity is 37, set by Application Auto Scaling (min 5, max 100); "
                + "ddb-gitops does not write it";
        assertThat(entry(apply, "Scaled").messages()).contains(information);
        assertThat(apply.markdown()).contains(information);
        assertThat(ReportJson.write(apply.report())).contains(information);
        assertThat(entry(apply, "Scaled").changes()).isEmpty();
    }

    @Test
    void aMinOrMaxChangeGoesThroughApplicationAutoScaling() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("scaled", Map.of("t.yaml", manifest("Ranged", READ_5_TO_100)));
        run(repo, RunRequest.Mode.APPLY);
        repo.commit("wider", Map.of("t.yaml", manifest("Ranged", READ_5_TO_100.replace("min: 5, max: 100",
                "min: 8, max: 200"))));

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(entry(apply, "Ranged").changes()).extracting(c -> c.field() + ": " + c.from() + " → " + c.to())
                .containsExactlyInAnyOrder("autoscaling.read.min: 5 → 8", "autoscaling.read.max: 100 → 200");
        assertThat(recorder.writes()).containsExactly("RegisterScalableTarget");
        assertThat(targets("Ranged")).singleElement().satisfies(t -> {
            assertThat(t.minCapacity()).isEqualTo(8);
            assertThat(t.maxCapacity()).isEqualTo(200);
        });
        if (AwsCli.find().isPresent()) { // and once through a client we do not control
            assertThat(new AwsCli(endpoint.endpoint(), temp).json("application-autoscaling",
                    "describe-scalable-targets", "--service-namespace", "dynamodb", "--resource-ids", "table/Ranged")
                    .path("ScalableTargets").get(0).path("MaxCapacity").asInt()).isEqualTo(200);
        }
        assertThat(run(repo, RunRequest.Mode.PLAN).exitCode()).isZero();
    }

    @Test
    void removingAutoScalingDeregistersOnlyTheTargetsThisToolRegistered() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("scaled", Map.of("t.yaml", manifest("Shared", READ_5_TO_100)));
        run(repo, RunRequest.Mode.APPLY);
        // Someone else scales the write capacity, with their own policy.
        scaling().registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/Shared")
                .scalableDimension(TABLE_WRITE).minCapacity(3).maxCapacity(30));
        scaling().putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/Shared")
                .scalableDimension(TABLE_WRITE).policyName("theirs").policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0).predefinedMetricSpecification(
                        m -> m.predefinedMetricType("DynamoDBWriteCapacityUtilization"))));
        endpoint.scaler().setCapacity(REGION, "table/Shared", TABLE_WRITE, 25);
        repo.commit("no more autoscaling", Map.of("t.yaml", manifest("Shared", "")));

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(recorder.writes()).startsWith("DeleteScalingPolicy", "DeregisterScalableTarget");
        assertThat(targets("Shared")).singleElement().satisfies(t -> {
            assertThat(t.scalableDimensionAsString()).isEqualTo(TABLE_WRITE);
            assertThat(t.minCapacity()).isEqualTo(3);
        });
        assertThat(policies("table/Shared")).extracting(ScalingPolicy::policyName).containsExactly("theirs");
        assertThat(describe("Shared").provisionedThroughput().writeCapacityUnits())
                .as("their scaler's write capacity is left as it is").isEqualTo(25);
        RunResult plan = run(repo, RunRequest.Mode.PLAN);
        assertThat(plan.exitCode()).as(plan.markdown()).isZero();
        assertThat(entry(plan, "Shared").messages()).anySatisfy(m -> assertThat(m)
                .startsWith("write capacity is 25").contains("registered outside ddb-gitops"));
    }

    @Test
    void aScaledIndexIsRegisteredAfterItExistsAndItsCapacityIsNeverWritten() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("index", Map.of("t.yaml", manifest("Indexed", """
                    global_secondary_indexes:
                      - index_name: byStatus
                        pri_key_attributename: status
                        pri_key_attributetype: S
                        projection: KEYS_ONLY
                        autoscaling:
                          read: {min: 2, max: 20, target_utilization: 50}
                """)));
        RunResult created = run(repo, RunRequest.Mode.APPLY);
        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(targets("Indexed")).singleElement().satisfies(t -> {
            assertThat(t.resourceId()).isEqualTo("table/Indexed/index/byStatus");
            assertThat(t.scalableDimensionAsString()).isEqualTo(INDEX_READ);
        });
        assertThat(policies("table/Indexed/index/byStatus")).extracting(ScalingPolicy::policyName)
                .containsExactly("ddb-gitops-read");

        endpoint.scaler().setCapacity(REGION, "table/Indexed/index/byStatus", INDEX_READ, 15);
        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(entry(apply, "Indexed").status()).isEqualTo("in_sync");
        assertThat(recorder.writes()).isEmpty();
        assertThat(entry(apply, "Indexed").messages()).contains("read capacity of index byStatus is 15, set by "
                + "Application Auto Scaling (min 2, max 20); ddb-gitops does not write it");
    }
}
