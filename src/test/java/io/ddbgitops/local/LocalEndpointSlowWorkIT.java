package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** Delays make long work look in progress, as on AWS; every wait polls DescribeTable with a deadline. */
class LocalEndpointSlowWorkIT extends SharedEndpoint {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String LIMIT = "Subscriber limit exceeded: Only 1 online index can be created or deleted"
            + " simultaneously per table";

    @AfterEach
    void noDelays() {
        endpoint.setDelays(Delays.NONE);
    }

    @Test
    void aNewIndexAllocatesThenBackfillsThenTurnsActiveAndASecondIndexWaitsForIt() throws Exception {
        client.createTable(Clients.simpleTable("slow-gsi").build());
        endpoint.setDelays(Delays.NONE.withIndexBackfill(Duration.ofSeconds(8)));

        TableDescription answered = client.updateTable(addIndex("slow-gsi", "first")).tableDescription();

        assertThat(answered.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(index(answered, "first").indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(index(answered, "first").backfilling()).isFalse();
        assertThatThrownBy(() -> client.updateTable(addIndex("slow-gsi", "second")))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(LIMIT));

        TableDescription backfilling = await("slow-gsi", t -> t.tableStatus() == TableStatus.ACTIVE);
        assertThat(index(backfilling, "first").indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(index(backfilling, "first").backfilling()).isTrue();
        assertThatThrownBy(() -> client.updateTable(addIndex("slow-gsi", "second")))
                .isInstanceOf(LimitExceededException.class);
        client.updateTable(r -> r.tableName("slow-gsi").deletionProtectionEnabled(false));

        await("slow-gsi", t -> index(t, "first").indexStatus() == IndexStatus.ACTIVE);
        endpoint.setDelays(Delays.NONE);
        client.updateTable(addIndex("slow-gsi", "second"));
        assertThat(describe("slow-gsi").globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void whileAnIndexIsAllocatedTheTableRefusesUpdatesAndDeletionAndDuringTheBackfillItAcceptsThem() throws Exception {
        client.createTable(Clients.simpleTable("slow-busy").build());
        endpoint.setDelays(Delays.NONE.withIndexBackfill(Duration.ofSeconds(20)));
        client.updateTable(addIndex("slow-busy", "first"));

        String inUse = "Attempt to change a resource which is still in use: Table is being updated: slow-busy";
        assertThatThrownBy(() -> client.updateTable(r -> r.tableName("slow-busy").deletionProtectionEnabled(false)))
                .isInstanceOfSatisfying(ResourceInUseException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(inUse));
        assertThatThrownBy(() -> client.deleteTable(r -> r.tableName("slow-busy")))
                .isInstanceOfSatisfying(ResourceInUseException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(inUse));

        await("slow-busy", t -> t.tableStatus() == TableStatus.ACTIVE);
        client.deleteTable(r -> r.tableName("slow-busy"));
        endpoint.setDelays(Delays.NONE);
        client.createTable(Clients.simpleTable("slow-busy").build());
        assertThat(describe("slow-busy").tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(describe("slow-busy").globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void aRestoredTableIsCreatingUntilTheRestoreDelayHasPassed() throws Exception {
        client.createTable(Clients.simpleTable("slow-source").build());
        Clients.putItems(client, "slow-source", 3);
        String backup = client.createBackup(r -> r.tableName("slow-source").backupName("slow-backup")).backupDetails()
                .backupArn();
        endpoint.setDelays(Delays.NONE.withRestore(Duration.ofSeconds(3)));

        TableDescription answered = client.restoreTableFromBackup(r -> r.backupArn(backup)
                .targetTableName("slow-restored")).tableDescription();

        assertThat(answered.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(answered.restoreSummary().restoreInProgress()).isTrue();
        assertThat(describe("slow-restored").tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThatThrownBy(() -> client.updateTable(r -> r.tableName("slow-restored").deletionProtectionEnabled(true)))
                .isInstanceOfSatisfying(ResourceInUseException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).endsWith("Table is being created: slow-restored"));
        await("slow-restored", t -> t.tableStatus() == TableStatus.ACTIVE);
    }

    @Test
    void tableClassSseAndReplicaChangesShowAsInProgressForTheirDelays() throws Exception {
        client.createTable(Clients.simpleTable("slow-settings").build());
        endpoint.setDelays(Delays.NONE.withTableClassUpdate(Duration.ofSeconds(2)).withSseUpdate(Duration.ofSeconds(2))
                .withReplicaCreation(Duration.ofSeconds(2)));

        client.updateTable(r -> r.tableName("slow-settings")
                .sseSpecification(s -> s.enabled(true).kmsMasterKeyId("alias/slow")));
        assertThat(describe("slow-settings").sseDescription().status()).isEqualTo(SSEStatus.UPDATING);
        assertThat(describe("slow-settings").tableStatus()).isEqualTo(TableStatus.ACTIVE);
        await("slow-settings", t -> t.sseDescription().status() == SSEStatus.ENABLED);

        assertThat(client.updateTable(r -> r.tableName("slow-settings").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS))
                .tableDescription().tableStatus()).isEqualTo(TableStatus.UPDATING);
        await("slow-settings", t -> t.tableStatus() == TableStatus.ACTIVE);

        TableDescription replicating = client.updateTable(r -> r.tableName("slow-settings")
                .replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")))).tableDescription();
        assertThat(replicating.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(replicating.replicas()).singleElement().satisfies(replica ->
                assertThat(replica.replicaStatus()).isEqualTo(ReplicaStatus.CREATING));
        try (DynamoDbClient europe = Clients.client(endpoint, "eu-west-1", "AKIDEU")) {
            assertThat(europe.describeTable(r -> r.tableName("slow-settings")).table().tableStatus())
                    .isEqualTo(TableStatus.CREATING);
            TableDescription replicated = await("slow-settings", t -> t.tableStatus() == TableStatus.ACTIVE);
            assertThat(replicated.replicas().get(0).replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
            assertThat(europe.describeTable(r -> r.tableName("slow-settings")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }
    }

    @Test
    void theAdminRouteSetsDelaysForClientsOutsideTheJvm() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.endpoint().resolve("/local-admin/delays"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"IndexBackfill\":\"PT45S\",\"Restore\":\"PT1S\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).path("IndexBackfill").asText()).isEqualTo("PT45S");
        assertThat(endpoint.delays()).isEqualTo(Delays.NONE.withIndexBackfill(Duration.ofSeconds(45))
                .withRestore(Duration.ofSeconds(1)));
    }

    @Test
    void withoutDelaysAnIndexIsActiveAtOnce() {
        client.createTable(Clients.simpleTable("slow-none").build());
        TableDescription answered = client.updateTable(addIndex("slow-none", "first")).tableDescription();
        assertThat(answered.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(index(describe("slow-none"), "first").indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    }

    private static UpdateTableRequest addIndex(String table, String index) {
        return UpdateTableRequest.builder().tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(index + "Key")
                        .attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index)
                        .keySchema(k -> k.attributeName(index + "Key").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))
                .build();
    }

    private static GlobalSecondaryIndexDescription index(TableDescription table, String name) {
        return table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " in " + table));
    }

    private static TableDescription describe(String table) {
        return client.describeTable(r -> r.tableName(table)).table();
    }

    /** Polls DescribeTable until the condition holds; fails with every status seen once the deadline passes. */
    private static TableDescription await(String table, Predicate<TableDescription> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            TableDescription description = describe(table);
            if (condition.test(description)) {
                return description;
            }
            seen.add(description.tableStatusAsString());
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError(table + " did not reach the expected state in " + DEADLINE + "; saw " + seen);
    }
}
