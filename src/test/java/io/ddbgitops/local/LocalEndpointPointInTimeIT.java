package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class LocalEndpointPointInTimeIT extends SharedEndpoint {
    @TempDir
    Path dataDir;

    @Test
    void restoresTheItemsAsTheyWereAtTheRequestedMillisecond() {
        withPitr(client, "pit-source");
        Clients.putItems(client, "pit-source", 5);
        List<Map<String, AttributeValue>> before = scan(client, "pit-source");
        Instant t1 = firstMillisecondAfter(Instant.now());
        firstMillisecondAfter(t1);

        changeEveryWay(client, "pit-source");
        client.restoreTableToPointInTime(r -> r.sourceTableName("pit-source").targetTableName("pit-at-t1")
                .restoreDateTime(t1));

        assertThat(scan(client, "pit-at-t1")).containsExactlyInAnyOrderElementsOf(before);
        assertThat(scan(client, "pit-source")).isNotEqualTo(before);
    }

    @Test
    void restoresTheLatestStateWithTheSourcesSchemaAndWithoutPitrOrTags() {
        withPitr(client, "pit-latest-source");
        Clients.putItems(client, "pit-latest-source", 4);
        changeEveryWay(client, "pit-latest-source");

        TableDescription restored = client.restoreTableToPointInTime(r -> r
                .sourceTableArn("arn:aws:dynamodb:us-east-1:000000000000:table/pit-latest-source")
                .targetTableName("pit-latest").useLatestRestorableTime(true)).tableDescription();

        assertThat(scan(client, "pit-latest")).containsExactlyInAnyOrderElementsOf(scan(client, "pit-latest-source"));
        assertThat(restored.restoreSummary().sourceTableArn()).endsWith(":table/pit-latest-source");
        assertThat(restored.keySchema()).isEqualTo(client.describeTable(r -> r.tableName("pit-latest-source"))
                .table().keySchema());
        assertThat(pitr("pit-latest").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(client.listTagsOfResource(r -> r.resourceArn(restored.tableArn())).tags()).isEmpty();
    }

    @Test
    void refusesATimeOutsideTheRestorableWindow() {
        withPitr(client, "pit-window");
        PointInTimeRecoveryDescription window = pitr("pit-window");

        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("pit-window")
                .targetTableName("pit-too-early").restoreDateTime(window.earliestRestorableDateTime().minusSeconds(1))))
                .isInstanceOf(InvalidRestoreTimeException.class);
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("pit-window")
                .targetTableName("pit-too-late").restoreDateTime(Instant.now().plusSeconds(3600))))
                .isInstanceOf(InvalidRestoreTimeException.class);
    }

    @Test
    void reportsTheLatestRestorableTimeAsNow() {
        withPitr(client, "pit-latest-time");
        Instant beforeCall = firstMillisecondAfter(pitr("pit-latest-time").earliestRestorableDateTime());

        assertThat(pitr("pit-latest-time").latestRestorableDateTime()).isAfterOrEqualTo(beforeCall);
    }

    @Test
    void refusesSourcesWithoutPitrMissingSourcesAndExistingTargets() {
        client.createTable(Clients.simpleTable("pit-off").build());
        withPitr(client, "pit-on");
        client.createTable(Clients.simpleTable("pit-taken").build());

        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("pit-off")
                .targetTableName("pit-off-copy").useLatestRestorableTime(true)))
                .isInstanceOf(PointInTimeRecoveryUnavailableException.class);
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("pit-never")
                .targetTableName("pit-never-copy").useLatestRestorableTime(true)))
                .isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> client.restoreTableToPointInTime(r -> r.sourceTableName("pit-on")
                .targetTableName("pit-taken").useLatestRestorableTime(true)))
                .isInstanceOf(TableAlreadyExistsException.class);
    }

    @Test
    void keepsTheHistoryAcrossRestarts() throws Exception {
        List<Map<String, AttributeValue>> before;
        Instant t1;
        try (LocalEndpoint first = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient durable = Clients.client(first)) {
            withPitr(durable, "pit-durable");
            Clients.putItems(durable, "pit-durable", 3);
            before = scan(durable, "pit-durable");
            t1 = firstMillisecondAfter(Instant.now());
            firstMillisecondAfter(t1);
            changeEveryWay(durable, "pit-durable");
        }

        try (LocalEndpoint second = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient durable = Clients.client(second)) {
            durable.restoreTableToPointInTime(r -> r.sourceTableName("pit-durable").targetTableName("pit-durable-t1")
                    .restoreDateTime(t1));
            assertThat(scan(durable, "pit-durable-t1")).containsExactlyInAnyOrderElementsOf(before);
        }
    }

    /** Updates, deletes and adds items through every kind of write the history records. */
    private static void changeEveryWay(DynamoDbClient client, String table) {
        client.putItem(r -> r.tableName(table).item(Clients.item(100)));
        client.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("item-0")))
                .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("-1"))));
        client.deleteItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("item-1"))));
        client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(Clients.item(101))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", AttributeValue.fromS("item-2"))))
                        .build()))));
        client.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(Clients.item(102))).build()));
    }

    /** Polls the clock until it shows a later millisecond than the given instant; returns that time. */
    private static Instant firstMillisecondAfter(Instant instant) {
        Instant last = instant.truncatedTo(ChronoUnit.MILLIS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        while (!now.isAfter(last)) {
            Thread.onSpinWait();
            now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        return now;
    }

    private static void withPitr(DynamoDbClient client, String table) {
        client.createTable(Clients.simpleTable(table).build());
        client.updateContinuousBackups(r -> r.tableName(table)
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    }

    private static PointInTimeRecoveryDescription pitr(String table) {
        return client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
        return client.scan(r -> r.tableName(table).consistentRead(true)).items();
    }
}
