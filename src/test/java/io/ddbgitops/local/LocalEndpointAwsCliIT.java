package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The AWS CLI, a client we do not control, talks to the endpoint; skipped where no {@code aws} is on PATH. */
class LocalEndpointAwsCliIT {
    private static LocalEndpoint endpoint;
    private static AwsCli cli;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        endpoint = LocalEndpoint.start(0, Optional.empty());
        cli = new AwsCli(endpoint.endpoint(), home);
        try (DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("cli-visible").build());
        }
    }

    @AfterAll
    static void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void listsTablesCreatedWithOtherCredentials() throws Exception {
        JsonNode output = aws("dynamodb", "list-tables");
        assertThat(output.path("TableNames").toString()).contains("\"cli-visible\"");
    }

    @Test
    void describesContinuousBackups() throws Exception {
        JsonNode output = aws("dynamodb", "describe-continuous-backups", "--table-name", "cli-visible");
        JsonNode description = output.path("ContinuousBackupsDescription");
        assertThat(description.path("ContinuousBackupsStatus").asText()).isEqualTo("ENABLED");
        assertThat(description.path("PointInTimeRecoveryDescription").path("PointInTimeRecoveryStatus").asText())
                .isEqualTo("DISABLED");
    }

    @Test
    void managesAutoScalingOfATable() throws Exception {
        try (DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.provisionedTable("cli-scaled", 5, 5).build());
        }
        String[] target = {"--service-namespace", "dynamodb", "--resource-id", "table/cli-scaled",
            "--scalable-dimension", "dynamodb:table:WriteCapacityUnits"};

        JsonNode registered = aws(with(target, "application-autoscaling", "register-scalable-target",
                "--min-capacity", "10", "--max-capacity", "40"));
        assertThat(registered.path("ScalableTargetARN").asText())
                .matches("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/[0-9a-f]{36}");
        JsonNode targets = aws("application-autoscaling", "describe-scalable-targets", "--service-namespace",
                "dynamodb", "--resource-ids", "table/cli-scaled").path("ScalableTargets");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).path("MinCapacity").asInt()).isEqualTo(10);
        assertThat(targets.get(0).path("MaxCapacity").asInt()).isEqualTo(40);
        assertThat(targets.get(0).path("RoleARN").asText()).endsWith(
                ":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/"
                        + "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
        assertThat(aws("dynamodb", "describe-table", "--table-name", "cli-scaled")
                .path("Table").path("ProvisionedThroughput").path("WriteCapacityUnits").asInt()).isEqualTo(10);

        JsonNode policy = aws(with(target, "application-autoscaling", "put-scaling-policy", "--policy-name", "writes",
                "--policy-type", "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration",
                "{\"TargetValue\": 70.0, \"PredefinedMetricSpecification\": {\"PredefinedMetricType\":"
                        + " \"DynamoDBWriteCapacityUtilization\"}, \"ScaleInCooldown\": 60, \"ScaleOutCooldown\": 30}"));
        assertThat(policy.path("PolicyARN").asText()).startsWith("arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:")
                .endsWith(":resource/dynamodb/table/cli-scaled:policyName/writes");
        assertThat(policy.path("Alarms")).hasSize(4);
        JsonNode policies = aws("application-autoscaling", "describe-scaling-policies", "--service-namespace",
                "dynamodb", "--resource-id", "table/cli-scaled").path("ScalingPolicies");
        assertThat(policies).hasSize(1);
        JsonNode configuration = policies.get(0).path("TargetTrackingScalingPolicyConfiguration");
        assertThat(configuration.path("TargetValue").asDouble()).isEqualTo(70.0);
        assertThat(configuration.path("ScaleInCooldown").asInt()).isEqualTo(60);
        assertThat(configuration.path("PredefinedMetricSpecification").path("PredefinedMetricType").asText())
                .isEqualTo("DynamoDBWriteCapacityUtilization");

        aws(with(target, "application-autoscaling", "delete-scaling-policy", "--policy-name", "writes"));
        assertThat(aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "dynamodb",
                "--resource-id", "table/cli-scaled").path("ScalingPolicies")).isEmpty();
        aws(with(target, "application-autoscaling", "deregister-scalable-target"));
        assertThat(aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "dynamodb",
                "--resource-ids", "table/cli-scaled").path("ScalableTargets")).isEmpty();

        AwsCli.Result missing = run(with(target, "application-autoscaling", "deregister-scalable-target"));
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("An error occurred (ObjectNotFoundException) when calling the"
                + " DeregisterScalableTarget operation: No scalable target registered for service namespace: dynamodb,"
                + " resource ID: table/cli-scaled, scalable dimension: dynamodb:table:WriteCapacityUnits");
    }

    @Test
    void showsInjectedFaultsAsAwsErrors() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.THROTTLE).onlyFor("ListTables"),
                FaultRule.always(Fault.LIMIT_EXCEEDED).onlyFor("DeleteTable")));
        try {
            AwsCli.Result throttled = run("dynamodb", "list-tables");
            assertThat(throttled.exitCode()).isNotZero();
            assertThat(throttled.stderr()).contains("An error occurred (ThrottlingException) when calling the"
                    + " ListTables operation").contains("Rate of requests exceeds the allowed throughput.");
            AwsCli.Result limited = run("dynamodb", "delete-table", "--table-name", "cli-visible");
            assertThat(limited.stderr()).contains("(LimitExceededException)")
                    .contains("Only 50 tables can be created, updated, or deleted simultaneously");
            assertThat(endpoint.faults().injected().get(Fault.THROTTLE)).as("the CLI retries throttles")
                    .isGreaterThan(1L);
        } finally {
            endpoint.faults().clear();
        }
        assertThat(aws("dynamodb", "list-tables").path("TableNames").toString()).contains("\"cli-visible\"");
    }

    @Test
    void tagsUntagsAndRefusesAnIndexArnAsAws() throws Exception {
        String arn = aws("dynamodb", "describe-table", "--table-name", "cli-visible").path("Table").path("TableArn")
                .asText();
        AwsCli.Result tagged = run("dynamodb", "tag-resource", "--resource-arn", arn, "--tags",
                "Key=team,Value=core");
        assertThat(tagged.exitCode()).as(tagged.stderr()).isZero();
        assertThat(tagged.stdout()).isEmpty();
        assertThat(aws("dynamodb", "list-tags-of-resource", "--resource-arn", arn).path("Tags").toString())
                .contains("\"Key\":\"team\"", "\"Value\":\"core\"");
        assertThat(run("dynamodb", "untag-resource", "--resource-arn", arn, "--tag-keys", "team").exitCode()).isZero();
        assertThat(aws("dynamodb", "list-tags-of-resource", "--resource-arn", arn).path("Tags")).isEmpty();

        AwsCli.Result reserved = run("dynamodb", "tag-resource", "--resource-arn", arn, "--tags",
                "Key=aws:owner,Value=me");
        assertThat(reserved.exitCode()).isNotZero();
        assertThat(reserved.stderr()).contains("(ValidationException)", "aws:");
        AwsCli.Result index = run("dynamodb", "list-tags-of-resource", "--resource-arn", arn + "/index/by-x");
        assertThat(index.stderr()).contains("(ValidationException)",
                "Invalid resource arn provided, only table or stream is accepted");
    }

    private static String[] with(String[] target, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(target));
        return all.toArray(String[]::new);
    }

    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        return cli.json(args);
    }

    private static AwsCli.Result run(String... args) throws IOException, InterruptedException {
        return cli.run(args);
    }
}
