package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;
import software.amazon.awssdk.services.applicationautoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Application Auto Scaling on the endpoint's port, through the real SDK client, with DynamoDB's view of it. */
class LocalEndpointAutoScalingIT extends SharedEndpoint {
    private static final String SERVICE_LINKED_ROLE = "arn:aws:iam::000000000000:role/aws-service-role/"
            + "dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";
    private static ApplicationAutoScalingClient scaling;

    @BeforeAll
    static void startClients() {
        scaling = Clients.autoScaling(endpoint, "us-east-1");
    }

    @AfterAll
    static void stopClients() {
        scaling.close();
    }

    @Test
    void registeringMovesCapacityIntoRangeAndDescribesTheTargetAsAws() {
        client.createTable(Clients.provisionedTable("as-register", 5, 5).build());
        Instant before = Instant.now().minusSeconds(1);

        String arn = scaling.registerScalableTarget(register("table/as-register", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 10, 20))
                .scalableTargetARN();

        assertThat(arn).matches("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/[0-9a-f]{36}");
        assertThat(tableThroughput("as-register").readCapacityUnits()).isEqualTo(10L);
        assertThat(tableThroughput("as-register").writeCapacityUnits()).isEqualTo(5L);
        ScalableTarget target = scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/as-register")).scalableTargets().get(0);
        assertThat(target.scalableDimension()).isEqualTo(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS);
        assertThat(target.minCapacity()).isEqualTo(10);
        assertThat(target.maxCapacity()).isEqualTo(20);
        assertThat(target.roleARN()).isEqualTo(SERVICE_LINKED_ROLE);
        assertThat(target.scalableTargetARN()).isEqualTo(arn);
        assertThat(target.creationTime()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(target.suspendedState().dynamicScalingInSuspended()).isFalse();

        scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/as-register")
                .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).maxCapacity(8).minCapacity(2));
        assertThat(tableThroughput("as-register").readCapacityUnits()).isEqualTo(8L);
        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/as-register")).scalableTargets().get(0).scalableTargetARN()).isEqualTo(arn);

        scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/as-register").scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS));
        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/as-register")).scalableTargets()).isEmpty();
    }

    @Test
    void aRangeChangeOnAnIndexMovesOnlyThatIndexAndAnUpdateKeepsTheOtherBound() {
        createTableWithIndex("as-index", 40);

        scaling.registerScalableTarget(register("table/as-index/index/by-n", ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS, 1, 8));
        assertThat(indexThroughput("as-index").writeCapacityUnits()).isEqualTo(8L);
        assertThat(indexThroughput("as-index").readCapacityUnits()).isEqualTo(40L);
        assertThat(tableThroughput("as-index").writeCapacityUnits()).isEqualTo(40L);

        scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/as-index/index/by-n")
                .scalableDimension(ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS).maxCapacity(4));
        assertThat(indexThroughput("as-index").writeCapacityUnits()).isEqualTo(4L);
        ScalableTarget target = scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/as-index/index/by-n")).scalableTargets().get(0);
        assertThat(List.of(target.minCapacity(), target.maxCapacity())).containsExactly(1, 4);
    }

    @Test
    void theTestScalerMovesCapacityOnlyInsideTheRangeOfARegisteredTarget() {
        client.createTable(Clients.provisionedTable("as-scaler", 5, 5).build());
        scaling.registerScalableTarget(register("table/as-scaler", ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 5, 50));

        assertThat(endpoint.scaler().setCapacity("us-east-1", "table/as-scaler", "dynamodb:table:WriteCapacityUnits", 30))
                .isEqualTo(30);
        assertThat(tableThroughput("as-scaler").writeCapacityUnits()).isEqualTo(30L);
        assertThat(endpoint.scaler().setCapacity("us-east-1", "table/as-scaler", "dynamodb:table:WriteCapacityUnits", 500))
                .isEqualTo(50);
        assertThat(tableThroughput("as-scaler").writeCapacityUnits()).isEqualTo(50L);

        assertThatThrownBy(() -> endpoint.scaler().setCapacity("us-east-1", "table/as-scaler",
                "dynamodb:table:ReadCapacityUnits", 7)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No scalable target registered");
        assertThatThrownBy(() -> endpoint.scaler().setCapacity("us-east-1", "table/as-scaler",
                "dynamodb:index:ReadCapacityUnits", 7)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tableThroughput("as-scaler").readCapacityUnits()).isEqualTo(5L);
    }

    @Test
    void targetTrackingPoliciesAreKeptDescribedReplacedAndDeleted() {
        client.createTable(Clients.provisionedTable("as-policy", 5, 5).build());
        scaling.registerScalableTarget(register("table/as-policy", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 5, 50));
        Instant before = Instant.now().minusSeconds(1);

        var put = scaling.putScalingPolicy(policy("as-policy", 70.0, 60, 30));

        assertThat(put.policyARN()).matches("arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:[0-9a-f-]{36}"
                + ":resource/dynamodb/table/as-policy:policyName/reads");
        assertThat(put.alarms()).hasSize(4).allSatisfy(alarm -> {
            assertThat(alarm.alarmName()).startsWith("TargetTracking-table/as-policy-");
            assertThat(alarm.alarmARN()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:" + alarm.alarmName());
        });
        assertThat(put.alarms()).extracting(a -> a.alarmName().replaceAll("-[0-9a-f-]{36}$", ""))
                .containsExactly("TargetTracking-table/as-policy-AlarmHigh", "TargetTracking-table/as-policy-AlarmLow",
                        "TargetTracking-table/as-policy-ProvisionedCapacityHigh",
                        "TargetTracking-table/as-policy-ProvisionedCapacityLow");

        ScalingPolicy described = describePolicies("table/as-policy").get(0);
        assertThat(described.policyARN()).isEqualTo(put.policyARN());
        assertThat(described.policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
        assertThat(described.creationTime()).isBetween(before, Instant.now().plusSeconds(1));
        var configuration = described.targetTrackingScalingPolicyConfiguration();
        assertThat(configuration.targetValue()).isEqualTo(70.0);
        assertThat(configuration.predefinedMetricSpecification().predefinedMetricType())
                .isEqualTo(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION);
        assertThat(configuration.scaleInCooldown()).isEqualTo(60);
        assertThat(configuration.scaleOutCooldown()).isEqualTo(30);

        assertThat(scaling.putScalingPolicy(policy("as-policy", 50.0, 0, 0)).policyARN()).isEqualTo(put.policyARN());
        assertThat(describePolicies("table/as-policy")).singleElement().satisfies(p ->
                assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(50.0));

        scaling.deleteScalingPolicy(r -> r.policyName("reads").serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/as-policy").scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS));
        assertThat(describePolicies("table/as-policy")).isEmpty();
    }

    @Test
    void deregisteringATargetDeletesItsPolicies() {
        client.createTable(Clients.provisionedTable("as-cascade", 5, 5).build());
        scaling.registerScalableTarget(register("table/as-cascade", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 5, 50));
        scaling.putScalingPolicy(policy("as-cascade", 70.0, 60, 60));

        scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/as-cascade").scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS));

        assertThat(describePolicies("table/as-cascade")).isEmpty();
    }

    @Test
    void refusesWhatAwsRefusesWithItsErrorTypesAndMessages() {
        client.createTable(Clients.provisionedTable("as-errors", 5, 5).build());

        assertRefused(() -> scaling.registerScalableTarget(register("table/as-missing",
                ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 1, 5)), ValidationException.class,
                "DynamoDB table does not exist: table/as-missing");
        assertRefused(() -> scaling.registerScalableTarget(register("table/as-errors/index/nope",
                ScalableDimension.DYNAMODB_INDEX_READ_CAPACITY_UNITS, 1, 5)), ValidationException.class,
                "DynamoDB index does not exist: table/as-errors/index/nope");
        assertRefused(() -> scaling.registerScalableTarget(register("table/as-errors",
                ScalableDimension.DYNAMODB_INDEX_READ_CAPACITY_UNITS, 1, 5)), ValidationException.class,
                "Unsupported service namespace, resource type or scalable dimension");
        assertRefused(() -> scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/as-errors").scalableDimension("dynamodb:table:Capacity").minCapacity(1)
                .maxCapacity(5)), ValidationException.class,
                "1 validation error detected: Value 'dynamodb:table:Capacity' at 'scalableDimension' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [ecs:service:DesiredCount");
        assertRefused(() -> scaling.registerScalableTarget(register("table/as-errors",
                ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 9, 5)), ValidationException.class,
                "Maximum capacity cannot be less than minimum capacity");
        assertRefused(() -> scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/as-errors").scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
                .minCapacity(1)), ValidationException.class, "MinCapacity and MaxCapacity are required");
        assertRefused(() -> scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/as-errors").scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)),
                ObjectNotFoundException.class, "No scalable target registered for service namespace: dynamodb,"
                        + " resource ID: table/as-errors, scalable dimension: dynamodb:table:ReadCapacityUnits");
        assertRefused(() -> scaling.putScalingPolicy(policy("as-errors", 70.0, 60, 60)), ObjectNotFoundException.class,
                "No scalable target registered for service namespace: dynamodb, resource ID: table/as-errors,"
                        + " scalable dimension: dynamodb:table:ReadCapacityUnits");
        assertRefused(() -> scaling.deleteScalingPolicy(r -> r.policyName("reads")
                .serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/as-errors")
                .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)), ObjectNotFoundException.class,
                "No scaling policy found for service namespace: dynamodb, resource ID: table/as-errors, scalable"
                        + " dimension: dynamodb:table:ReadCapacityUnits, policy name: reads");
        assertRefused(() -> scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .nextToken("not-a-token")), InvalidNextTokenException.class, "Invalid token");
        assertThat(tableThroughput("as-errors").readCapacityUnits()).isEqualTo(5L);
    }

    @Test
    void describesInPagesAndKeepsTargetsPerRegion() {
        client.createTable(Clients.provisionedTable("as-pages", 5, 5).build());
        for (ScalableDimension dimension : List.of(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS,
                ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS)) {
            scaling.registerScalableTarget(register("table/as-pages", dimension, 1, 10));
        }
        var first = scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/as-pages").maxResults(1));
        assertThat(first.scalableTargets()).hasSize(1);
        assertThat(first.nextToken()).isNotEmpty();
        assertThat(scaling.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/as-pages").maxResults(1)).scalableTargets())
                .extracting(ScalableTarget::scalableDimension)
                .containsExactly(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS,
                        ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS);

        try (ApplicationAutoScalingClient west = Clients.autoScaling(endpoint, "us-west-2")) {
            assertThat(west.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceIds("table/as-pages")).scalableTargets()).isEmpty();
            assertRefused(() -> west.registerScalableTarget(register("table/as-pages",
                    ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 1, 5)), ValidationException.class,
                    "DynamoDB table does not exist: table/as-pages");
        }
    }

    @Test
    void targetsOutliveTheirTableAsAwsDocuments() {
        client.createTable(Clients.provisionedTable("as-deleted", 5, 5).build());
        scaling.registerScalableTarget(register("table/as-deleted", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 1, 10));

        client.deleteTable(r -> r.tableName("as-deleted"));

        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceIds("table/as-deleted")).scalableTargets()).hasSize(1);
        assertThatThrownBy(() -> endpoint.scaler().setCapacity("us-east-1", "table/as-deleted",
                "dynamodb:table:ReadCapacityUnits", 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answersInJson11OnTheWire() throws Exception {
        HttpResponse<String> response = post("/", "AnyScaleFrontendService.DeregisterScalableTarget",
                "{\"ServiceNamespace\":\"dynamodb\",\"ResourceId\":\"table/as-wire\","
                        + "\"ScalableDimension\":\"dynamodb:table:ReadCapacityUnits\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).contains("application/x-amz-json-1.1");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("ObjectNotFoundException");
        assertThat(body.path("Message").asText()).startsWith("No scalable target registered for");
    }

    @Test
    void theAdminRouteMovesCapacityForScalersOutsideTheJvm() throws Exception {
        client.createTable(Clients.provisionedTable("as-admin", 5, 5).build());
        scaling.registerScalableTarget(register("table/as-admin", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 2, 20));

        HttpResponse<String> moved = post("/local-admin/scaler/capacity", "", "{\"Region\":\"us-east-1\","
                + "\"ResourceId\":\"table/as-admin\",\"ScalableDimension\":\"dynamodb:table:ReadCapacityUnits\","
                + "\"Capacity\":25}");
        HttpResponse<String> unregistered = post("/local-admin/scaler/capacity", "", "{\"ResourceId\":"
                + "\"table/as-admin\",\"ScalableDimension\":\"dynamodb:table:WriteCapacityUnits\",\"Capacity\":9}");

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(moved.body()).path("Capacity").asLong()).isEqualTo(20);
        assertThat(tableThroughput("as-admin").readCapacityUnits()).isEqualTo(20L);
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(unregistered.body()).contains("No scalable target registered");
        assertThat(tableThroughput("as-admin").writeCapacityUnits()).isEqualTo(5L);
    }

    @Test
    void targetsAndPoliciesSurviveARestartWithADataDirectory(@TempDir Path dataDir) throws Exception {
        String policyArn;
        try (LocalEndpoint first = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient dynamo = Clients.client(first);
                ApplicationAutoScalingClient scaler = Clients.autoScaling(first, "eu-west-1")) {
            dynamo.createTable(Clients.provisionedTable("as-durable", 5, 5).build());
            try (DynamoDbClient europe = Clients.client(first, "eu-west-1", "AKIDEU")) {
                europe.createTable(Clients.provisionedTable("as-durable", 5, 5).build());
            }
            scaler.registerScalableTarget(register("table/as-durable", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 6, 9));
            policyArn = scaler.putScalingPolicy(policy("as-durable", 60.0, 10, 10)).policyARN();
        }

        try (LocalEndpoint second = LocalEndpoint.start(0, Optional.of(dataDir));
                ApplicationAutoScalingClient scaler = Clients.autoScaling(second, "eu-west-1");
                ApplicationAutoScalingClient home = Clients.autoScaling(second, "us-east-1")) {
            assertThat(scaler.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalableTargets()).singleElement().satisfies(t -> {
                        assertThat(t.resourceId()).isEqualTo("table/as-durable");
                        assertThat(List.of(t.minCapacity(), t.maxCapacity())).containsExactly(6, 9);
                    });
            assertThat(scaler.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalingPolicies()).singleElement().satisfies(p -> assertThat(p.policyARN()).isEqualTo(policyArn));
            assertThat(home.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalableTargets()).isEmpty();
            assertThat(second.scaler().setCapacity("eu-west-1", "table/as-durable", "dynamodb:table:ReadCapacityUnits",
                    1)).isEqualTo(6);
        }
    }

    private static HttpResponse<String> post(String path, String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.endpoint().resolve(path))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDRAW/20261201/us-east-1/"
                        + "application-autoscaling/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!target.isEmpty()) {
            request.header("X-Amz-Target", target);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static RegisterScalableTargetRequest register(String resourceId, ScalableDimension dimension, int min, int max) {
        return RegisterScalableTargetRequest.builder().serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId(resourceId).scalableDimension(dimension).minCapacity(min).maxCapacity(max).build();
    }

    private static PutScalingPolicyRequest policy(String table, double target, int scaleIn, int scaleOut) {
        return PutScalingPolicyRequest.builder().policyName("reads").serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId("table/" + table).scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION))
                        .scaleInCooldown(scaleIn).scaleOutCooldown(scaleOut))
                .build();
    }

    private static List<ScalingPolicy> describePolicies(String resourceId) {
        return scaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                .resourceId(resourceId)).scalingPolicies();
    }

    private static void createTableWithIndex(String table, long units) {
        client.createTable(Clients.provisionedTable(table, units, units)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                .globalSecondaryIndexes(g -> g.indexName("by-n")
                        .keySchema(k -> k.attributeName("n").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(t -> t.readCapacityUnits(units).writeCapacityUnits(units)))
                .build());
    }

    private static ProvisionedThroughputDescription tableThroughput(String table) {
        return client.describeTable(r -> r.tableName(table)).table().provisionedThroughput();
    }

    private static ProvisionedThroughputDescription indexThroughput(String table) {
        return client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().get(0)
                .provisionedThroughput();
    }

    private static void assertRefused(Runnable call, Class<? extends ApplicationAutoScalingException> type,
            String message) {
        assertThatThrownBy(call::run).isInstanceOf(type)
                .satisfies(e -> assertThat(((ApplicationAutoScalingException) e).awsErrorDetails().errorMessage())
                        .startsWith(message));
    }
}
