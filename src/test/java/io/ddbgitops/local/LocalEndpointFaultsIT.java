package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** Each injected fault as AWS would send it, checked on the raw wire and through the SDK. */
class LocalEndpointFaultsIT extends SharedEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void noFaults() {
        endpoint.faults().clear();
    }

    @Test
    void throttlesControlPlaneCallsWithThrottlingException() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.THROTTLE)));
        RawHttp.Response response = RawHttp.post(endpoint.port(), "ListTables", "{}");
        assertAwsError(response, 400, "com.amazon.coral.availability#ThrottlingException",
                "Rate of requests exceeds the allowed throughput.");
    }

    @Test
    void throttlesItemCallsWithProvisionedThroughputExceededException() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.THROTTLE)));
        RawHttp.Response response = RawHttp.post(endpoint.port(), "PutItem",
                "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}}");
        assertAwsError(response, 400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing"
                        + " your provisioning level with the UpdateTable API.");
    }

    @Test
    void answersInternalServerErrorWith500() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.INTERNAL_ERROR)));
        assertAwsError(RawHttp.post(endpoint.port(), "DescribeTable", "{\"TableName\":\"t\"}"), 500,
                "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
    }

    @Test
    void answersLimitExceededAsDynamoDbDoes() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.LIMIT_EXCEEDED)));
        assertAwsError(RawHttp.post(endpoint.port(), "CreateTable", "{}"), 400,
                "com.amazonaws.dynamodb.v20120810#LimitExceededException",
                "Subscriber limit exceeded: Only 50 tables can be created, updated, or deleted simultaneously");
    }

    @Test
    void dropsTheConnectionWithoutAByteAndWithoutDoingTheWork() throws Exception {
        client.createTable(Clients.simpleTable("faults-dropped").build());
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.DROP_CONNECTION).onlyFor("PutItem")));
        RawHttp.Response response = RawHttp.post(endpoint.port(), "PutItem",
                "{\"TableName\":\"faults-dropped\",\"Item\":{\"pk\":{\"S\":\"a\"}}}");
        assertThat(response.dropped()).as("bytes received: %s", new String(response.raw(), StandardCharsets.UTF_8))
                .isTrue();
        endpoint.faults().clear();
        assertThat(client.scan(r -> r.tableName("faults-dropped")).count()).isZero();
    }

    @Test
    void addsLatencyAfterTheWorkIsDone() throws Exception {
        client.createTable(Clients.simpleTable("faults-latency").build());
        endpoint.faults().set(FaultPlan.of(1,
                FaultRule.always(Fault.LATENCY, Duration.ofMillis(300)).onlyFor("PutItem")));
        long start = System.nanoTime();
        RawHttp.Response response = RawHttp.post(endpoint.port(), "PutItem",
                "{\"TableName\":\"faults-latency\",\"Item\":{\"pk\":{\"S\":\"a\"}}}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.status()).isEqualTo(200);
        assertThat(client.getItem(r -> r.tableName("faults-latency").key(Map.of("pk", AttributeValue.fromS("a"))))
                .hasItem()).isTrue();
    }

    @Test
    void acceptsSlowlyAndThenAnswersNormally() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.SLOW_ACCEPT, Duration.ofMillis(300))));
        long start = System.nanoTime();
        RawHttp.Response response = RawHttp.post(endpoint.port(), "ListTables", "{}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.status()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("TableNames")).isTrue();
    }

    @Test
    void hitsOnlyTheNamedOperations() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.INTERNAL_ERROR).onlyFor("CreateTable",
                "UpdateTable")));
        RawHttp.Response listed = RawHttp.post(endpoint.port(), "ListTables", "{}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(RawHttp.post(endpoint.port(), "UpdateTable", "{\"TableName\":\"x\"}").status()).isEqualTo(500);
        assertThat(endpoint.faults().injected()).containsExactly(Map.entry(Fault.INTERNAL_ERROR, 1L));
    }

    @Test
    void hitsTheSameRequestsAgainWithTheSameSeed() throws Exception {
        FaultPlan plan = FaultPlan.of(42, FaultRule.always(Fault.INTERNAL_ERROR).withProbability(0.3));
        endpoint.faults().set(plan);
        List<Integer> first = statuses(60);
        endpoint.faults().set(plan);
        List<Integer> second = statuses(60);
        assertThat(second).isEqualTo(first);
        long failed = first.stream().filter(s -> s == 500).count();
        assertThat(failed).isBetween(1L, 59L);
    }

    @Test
    void sdkRetriesThrottlesAndSucceeds() {
        client.createTable(Clients.simpleTable("faults-retried").build());
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.THROTTLE).onlyFor("PutItem").times(2)));
        client.putItem(r -> r.tableName("faults-retried").item(Clients.item(1)));
        assertThat(endpoint.faults().injected()).containsEntry(Fault.THROTTLE, 2L);
        assertThat(client.scan(r -> r.tableName("faults-retried")).count()).isEqualTo(1);
    }

    @Test
    void sdkMapsEachErrorToItsExceptionClass() {
        try (DynamoDbClient once = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        "AKIDTEST", "dummy-secret"))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(
                        b -> b.maxAttempts(1)))
                .build()) {
            endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.THROTTLE)));
            assertThatThrownBy(() -> once.createTable(Clients.simpleTable("faults-never").build()))
                    .isInstanceOf(ThrottlingException.class)
                    .hasMessageContaining("Rate of requests exceeds the allowed throughput.");
            assertThatThrownBy(() -> once.getItem(r -> r.tableName("t").key(Map.of("pk", AttributeValue.fromS("a")))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
            endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.INTERNAL_ERROR)));
            assertThatThrownBy(() -> once.listTables()).isInstanceOf(InternalServerErrorException.class);
            endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.LIMIT_EXCEEDED)));
            assertThatThrownBy(() -> once.deleteTable(r -> r.tableName("t")))
                    .isInstanceOf(LimitExceededException.class).hasMessageContaining("simultaneously");
            endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.DROP_CONNECTION)));
            assertThatThrownBy(() -> once.listTables()).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void adminPathChangesAndShowsTheFaults() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI admin = endpoint.endpoint().resolve("/local-admin/faults");
        String plan = "{\"seed\":7,\"rules\":[{\"fault\":\"throttle\",\"probability\":1,"
                + "\"operations\":[\"ListTables\"]}]}";
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(admin)
                .PUT(HttpRequest.BodyPublishers.ofString(plan)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(RawHttp.post(endpoint.port(), "ListTables", "{}").status()).isEqualTo(400);

        JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(admin).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(status.path("seed").asLong()).isEqualTo(7);
        assertThat(status.path("rules").get(0).path("fault").asText()).isEqualTo("throttle");
        assertThat(status.path("injected").path("throttle").asLong()).isEqualTo(1);

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(admin)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rules\":[{\"fault\":\"throttle\",\"probability\":2}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("message").asText())
                .contains("rules[0]").contains("between 0 and 1");

        assertThat(http.send(HttpRequest.newBuilder(admin).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(RawHttp.post(endpoint.port(), "ListTables", "{}").status()).isEqualTo(200);
    }

    private static List<Integer> statuses(int requests) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(RawHttp.post(endpoint.port(), "ListTables", "{}").status());
        }
        return statuses;
    }

    private static void assertAwsError(RawHttp.Response response, int status, String type, String message)
            throws IOException {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("content-type", "application/x-amz-json-1.0")
                .containsKey("x-amzn-requestid");
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers()).containsEntry("x-amz-crc32", Long.toString(crc.getValue()));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).isEqualTo(message);
        assertThat(body.size()).isEqualTo(2);
    }
}
