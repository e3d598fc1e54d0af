package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the endpoint sends on the wire where AWS's answer is exact, read from a raw socket so no SDK can smooth it
 * over: error {@code __type} and text, empty bodies, the Server header.
 */
class LocalEndpointWireIT extends SharedEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

    @Test
    void refusesUpdateTableWithNothingToChange() throws Exception {
        client.createTable(Clients.simpleTable("wire-empty-update").build());

        assertError(RawHttp.post(endpoint.port(), "UpdateTable", "{\"TableName\":\"wire-empty-update\"}"),
                VALIDATION, UpdateTableOperation.NOTHING_TO_UPDATE);
        assertError(RawHttp.post(endpoint.port(), "UpdateTable",
                "{\"TableName\":\"wire-empty-update\",\"GlobalSecondaryIndexUpdates\":[]}"),
                VALIDATION, UpdateTableOperation.NOTHING_TO_UPDATE);
        // checked before the table's existence, as on AWS
        assertError(RawHttp.post(endpoint.port(), "UpdateTable", "{\"TableName\":\"wire-no-such-table\"}"),
                VALIDATION, UpdateTableOperation.NOTHING_TO_UPDATE);
        assertThat(RawHttp.post(endpoint.port(), "UpdateTable",
                "{\"TableName\":\"wire-empty-update\",\"DeletionProtectionEnabled\":false}").status()).isEqualTo(200);
    }

    @Test
    void answersTimeToLiveStateBeforeTheHourlyLimit() throws Exception {
        client.createTable(Clients.simpleTable("wire-ttl").build());
        assertError(ttl("wire-ttl", false, "expires"), VALIDATION, "TimeToLive is already disabled");

        assertThat(ttl("wire-ttl", true, "expires").status()).isEqualTo(200);

        // within the hour, but the state decides first
        assertError(ttl("wire-ttl", true, "expires"), VALIDATION, "TimeToLive is already enabled");
        assertError(ttl("wire-ttl", true, "other"), VALIDATION,
                "TimeToLive is active on a different AttributeName: current AttributeName is expires");
        assertError(ttl("wire-ttl", false, "other"), VALIDATION,
                "TimeToLive is active on a different AttributeName: current AttributeName is expires");
        // a real change within the hour meets the limit
        assertError(ttl("wire-ttl", false, "expires"), VALIDATION,
                "Time to live has been modified multiple times within a fixed interval");
    }

    @Test
    void tagsAndUntagsWithAnEmptySuccessBody() throws Exception {
        String arn = tableArn("wire-tag-body");
        RawHttp.Response tagged = RawHttp.post(endpoint.port(), "TagResource",
                "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"core\"}]}");
        assertThat(tagged.status()).isEqualTo(200);
        assertThat(tagged.body()).isEmpty();
        assertThat(tagged.headers()).containsEntry("content-length", "0").containsKey("x-amzn-requestid");

        RawHttp.Response untagged = RawHttp.post(endpoint.port(), "UntagResource",
                "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"team\",\"never-set\"]}");
        assertThat(untagged.status()).isEqualTo(200);
        assertThat(untagged.body()).isEmpty();
        assertThat(json(RawHttp.post(endpoint.port(), "ListTagsOfResource", "{\"ResourceArn\":\"" + arn + "\"}"))
                .path("Tags")).isEmpty();
    }

    @Test
    void validatesTagsAsAws() throws Exception {
        String arn = tableArn("wire-tag-rules");
        assertError(tag(arn, "{\"Key\":\"team\"}"), VALIDATION, "1 validation error detected: Value null at"
                + " 'tags.1.member.value' failed to satisfy constraint: Member must not be null");
        assertError(tag(arn, "{\"Key\":\"ok\",\"Value\":\"v\"},{\"Key\":\"" + "k".repeat(129) + "\",\"Value\":\"v\"}"),
                VALIDATION, "1 validation error detected: Value '" + "k".repeat(129) + "' at 'tags.2.member.key'"
                        + " failed to satisfy constraint: Member must have length less than or equal to 128");
        assertError(tag(arn, "{\"Key\":\"k\",\"Value\":\"" + "v".repeat(257) + "\"}"), VALIDATION,
                "1 validation error detected: Value '" + "v".repeat(257) + "' at 'tags.1.member.value' failed to"
                        + " satisfy constraint: Member must have length less than or equal to 256");
        for (String bad : new String[] {"hi!", "d%g", "\\\"quoted\\\"", "#"}) {
            assertThat(tag(arn, "{\"Key\":\"" + bad + "\",\"Value\":\"v\"}").body()).contains(VALIDATION);
            assertThat(tag(arn, "{\"Key\":\"k\",\"Value\":\"" + bad + "\"}").body()).contains(VALIDATION);
        }
        assertThat(tag(arn, "{\"Key\":\"aws:owner\",\"Value\":\"v\"}").body()).contains(VALIDATION, "aws:");

        // Unicode letters count as characters, not bytes; an empty value and every allowed sign are fine
        String key = "ü".repeat(128);
        assertThat(tag(arn, "{\"Key\":\"" + key + "\",\"Value\":\"\"},{\"Key\":\"a b+-=._:/@1\",\"Value\":\""
                + "é".repeat(256) + "\"}").status()).isEqualTo(200);
        assertThat(json(RawHttp.post(endpoint.port(), "ListTagsOfResource", "{\"ResourceArn\":\"" + arn + "\"}"))
                .path("Tags").toString()).contains(key, "a b+-=._:/@1");
    }

    @Test
    void refusesArnsThatAreNotTableArns() throws Exception {
        client.createTable(CreateTableRequest.builder().tableName("wire-indexed")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("by-g").keySchema(k -> k.attributeName("g").keyType("HASH"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()))
                .billingMode("PAY_PER_REQUEST").build());
        String indexArn = client.describeTable(r -> r.tableName("wire-indexed")).table().globalSecondaryIndexes()
                .get(0).indexArn();

        for (String operation : new String[] {"TagResource", "UntagResource", "ListTagsOfResource"}) {
            String rest = ",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}],\"TagKeys\":[\"k\"]}";
            assertError(RawHttp.post(endpoint.port(), operation, "{\"ResourceArn\":\"I_do_not_exist\"" + rest),
                    VALIDATION, "One or more parameter values were invalid: ARNs must start with 'arn:':"
                            + " I_do_not_exist");
            assertError(RawHttp.post(endpoint.port(), operation, "{\"ResourceArn\":\"" + indexArn + "\"" + rest),
                    VALIDATION, "One or more parameter values were invalid: Invalid resource arn provided, only"
                            + " table or stream is accepted. Provided resource arn: " + indexArn);
            assertError(RawHttp.post(endpoint.port(), operation,
                    "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/wire-indexedx\"" + rest),
                    "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "Requested resource not found:"
                            + " ResourceArn: arn:aws:dynamodb:us-east-1:000000000000:table/wire-indexedx not found");
        }
    }

    @Test
    void answersMalformedJsonWithASerializationException() throws Exception {
        client.createTable(Clients.simpleTable("wire-json").build());
        for (String operation : new String[] {"PutItem", "DescribeTable", "TagResource", "UpdateTable"}) {
            RawHttp.Response response = RawHttp.post(endpoint.port(), operation, "{\"TableName\": \"wire-json\", ");
            assertThat(response.status()).as(operation).isEqualTo(400);
            JsonNode body = json(response);
            assertThat(body.path("__type").asText()).isEqualTo("com.amazon.coral.service#SerializationException");
            // the service framework's shape names its text "Message", as DynamoDB sends it
            assertThat(body.path("Message").asText()).isNotEmpty();
        }
    }

    @Test
    void passesDynamoDbLocalsErrorsOnInTheSameShape() throws Exception {
        assertError(RawHttp.post(endpoint.port(), "DescribeTable", "{\"TableName\":\"wire-never-made\"}"),
                "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
                "Requested resource not found: Table: wire-never-made not found");
        RawHttp.Response stream = RawHttp.postTarget(endpoint.port(), "DynamoDBStreams_20120810.DescribeStream",
                "{\"StreamArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/x/stream/2000-01-01T00:00:00.000\"}");
        assertThat(stream.status()).isEqualTo(400);
        assertThat(json(stream).path("__type").asText()).endsWith("#ResourceNotFoundException");
        assertThat(json(stream).path("message").asText()).isNotEmpty();
    }

    @Test
    void namesItselfServerOnEveryAnswer() throws Exception {
        client.createTable(Clients.simpleTable("wire-server").build());
        assertThat(RawHttp.post(endpoint.port(), "DescribeTable", "{\"TableName\":\"wire-server\"}").headers())
                .containsEntry("server", "Server");
        assertThat(RawHttp.post(endpoint.port(), "ListTagsOfResource", "{\"ResourceArn\":\"x\"}").headers())
                .containsEntry("server", "Server");
        assertThat(RawHttp.post(endpoint.port(), "PutItem", "{").headers()).containsEntry("server", "Server");
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.THROTTLE).onlyFor("ListTables")));
        try {
            RawHttp.Response throttled = RawHttp.post(endpoint.port(), "ListTables", "{}");
            assertThat(throttled.status()).isEqualTo(400);
            assertThat(throttled.headers()).containsEntry("server", "Server");
        } finally {
            endpoint.faults().clear();
        }
    }

    private static RawHttp.Response ttl(String table, boolean enabled, String attribute) throws IOException {
        return RawHttp.post(endpoint.port(), "UpdateTimeToLive", "{\"TableName\":\"" + table
                + "\",\"TimeToLiveSpecification\":{\"Enabled\":" + enabled + ",\"AttributeName\":\"" + attribute
                + "\"}}");
    }

    private static RawHttp.Response tag(String arn, String tags) throws IOException {
        return RawHttp.post(endpoint.port(), "TagResource", "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[" + tags + "]}");
    }

    private static String tableArn(String table) {
        client.createTable(Clients.simpleTable(table).build());
        return client.describeTable(r -> r.tableName(table)).table().tableArn();
    }

    private static JsonNode json(RawHttp.Response response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertError(RawHttp.Response response, String type, String message) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).as(response.body()).isEqualTo(message);
        assertThat(response.headers()).containsEntry("content-type", WireResponse.JSON_1_0);
    }
}
