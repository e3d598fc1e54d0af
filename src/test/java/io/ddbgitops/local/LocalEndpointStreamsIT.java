package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The stream ARN DescribeTable hands out works with every DynamoDB Streams operation, through the AWS CLI (a client
 * we do not control); skipped where no {@code aws} is on PATH.
 */
class LocalEndpointStreamsIT {
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
            client.createTable(Clients.simpleTable("streamed").streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
            client.putItem(r -> r.tableName("streamed").item(Map.of("pk", AttributeValue.fromS("first"),
                    "note", AttributeValue.fromS("arn:aws:dynamodb:ddblocal:000000000000:table/kept-as-written"))));
        }
    }

    @AfterAll
    static void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void describesListsAndReadsTheStreamByTheArnDescribeTableReturns() throws Exception {
        String streamArn = cli.json("dynamodb", "describe-table", "--table-name", "streamed")
                .path("Table").path("LatestStreamArn").asText();
        assertThat(streamArn).startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/streamed/stream/");

        JsonNode stream = cli.json("dynamodbstreams", "describe-stream", "--stream-arn", streamArn)
                .path("StreamDescription");
        assertThat(stream.path("StreamArn").asText()).isEqualTo(streamArn);
        assertThat(stream.path("TableName").asText()).isEqualTo("streamed");
        assertThat(stream.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");

        JsonNode listed = cli.json("dynamodbstreams", "list-streams", "--table-name", "streamed").path("Streams");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("StreamArn").asText()).isEqualTo(streamArn);

        String shard = stream.path("Shards").get(0).path("ShardId").asText();
        String iterator = cli.json("dynamodbstreams", "get-shard-iterator", "--stream-arn", streamArn,
                "--shard-id", shard, "--shard-iterator-type", "TRIM_HORIZON").path("ShardIterator").asText();
        assertThat(iterator).doesNotContain(TableArns.ENGINE_REGION);

        JsonNode records = cli.json("dynamodbstreams", "get-records", "--shard-iterator", iterator).path("Records");
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        // the item is the client's data: a string that looks like an engine ARN stays as it was written
        assertThat(record.path("dynamodb").path("NewImage").path("note").path("S").asText())
                .isEqualTo("arn:aws:dynamodb:ddblocal:000000000000:table/kept-as-written");
    }

    @Test
    void answersResourceNotFoundForAStreamThatDoesNotExist() throws Exception {
        AwsCli.Result result = cli.run("dynamodbstreams", "describe-stream", "--stream-arn",
                "arn:aws:dynamodb:us-east-1:000000000000:table/streamed/stream/2000-01-01T00:00:00.000");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("ResourceNotFoundException");
    }
}
