package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The endpoint killed between two steps of one operation, simulated deterministically: a hook fails the request at
 * the chosen point (as a kill would, nothing after it runs), the endpoint is closed without saving anything more,
 * and a new one starts on the same data directory. bench/endpoint-crash.sh does the same with real kill -9.
 */
class LocalEndpointCrashRecoveryIT {
    private static final Tag OWNER = Tag.builder().key("ddb-gitops/owner").value("team-a/orders").build();

    @TempDir
    Path dataDir;

    @Test
    void tableCreatedJustBeforeAKillGetsItsTagsAndSettingsOnRestart() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = oneAttempt(endpoint)) {
            endpoint.afterCreateTableForward(() -> {
                throw new IllegalStateException("simulated kill after DynamoDB Local created the table");
            });
            assertThatThrownBy(() -> client.createTable(Clients.simpleTable("orders").tags(OWNER)
                    .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS).build()))
                    .isInstanceOf(InternalServerErrorException.class);
            assertThat(client.listTables().tableNames()).contains("orders");
            String arn = client.describeTable(r -> r.tableName("orders")).table().tableArn();
            assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                    .as("the window finding 12 is about: the table exists, its tags are not saved").isEmpty();
        }

        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            var table = client.describeTable(r -> r.tableName("orders")).table();
            assertThat(client.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags()).containsExactly(OWNER);
            assertThat(table.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        }
        try (var pending = Files.list(dataDir.resolve("front").resolve("journal"))) {
            assertThat(pending).isEmpty();
        }
    }

    @Test
    void journalsATableWhoseNameIsAsLongAsAwsAllows() throws Exception {
        String name = "t".repeat(255);
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable(name).tags(OWNER).build());
            String arn = client.describeTable(r -> r.tableName(name)).table().tableArn();
            assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).containsExactly(OWNER);
        }
    }

    @Test
    void journaledCreateWhoseTableNeverAppearedIsDropped() throws Exception {
        CreateTableJournal journal = CreateTableJournal.persistentIn(dataDir.resolve("front").resolve("journal"));
        ObjectNode request = Json.object().put("TableName", "never-made");
        request.putArray("Tags").addObject().put("Key", OWNER.key()).put("Value", OWNER.value());
        journal.record(new CreateTableJournal.Entry(new TableKey("us-east-1", "never-made"), 0, request));

        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            assertThat(client.listTables().tableNames()).doesNotContain("never-made");
            client.createTable(Clients.simpleTable("never-made").build());
            String arn = client.describeTable(r -> r.tableName("never-made")).table().tableArn();
            assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).isEmpty();
        }
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void leftoversOfATableDeletedJustBeforeAKillAreForgotten() throws Exception {
        StateFiles files = new StateFiles(dataDir.resolve("front"));
        SortedMap<String, String> tags = new TreeMap<>(Map.of(OWNER.key(), OWNER.value()));
        files.saveSettings(Map.of(new TableKey("us-east-1", "deleted"), tags), new HashMap<>(), new HashMap<>());

        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("deleted").build());
            String arn = client.describeTable(r -> r.tableName("deleted")).table().tableArn();
            assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                    .as("a new table under the old name does not inherit the old owner").isEmpty();
        }
        assertThat(settings()).doesNotContain(OWNER.value());
    }

    private String settings() throws IOException {
        Path file = dataDir.resolve("front").resolve("settings.json");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** No retries: the simulated kill must not be followed by the SDK's second attempt. */
    private static DynamoDbClient oneAttempt(LocalEndpoint endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "x")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
