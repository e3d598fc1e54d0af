package io.ddbgitops.aws;

import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.TableId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restores into new tables against a real local endpoint: the data comes back, and nothing is overwritten. */
class TableRestorerIT {
    private static final TableId TARGET = new TableId("us-east-1", "OrdersRestored");

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private DynamoDbClient client;
    private TableRestorer restorer;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        client = clients.forRegion("us-east-1");
        restorer = new TableRestorer(clients.settings().waitTimeout());
        client.createTable(r -> r.tableName("Orders")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
        put("Orders", 0, 20);
    }

    @AfterEach
    void stop() {
        clients.close();
        endpoint.close();
    }

    private void put(String table, int from, int to) {
        for (int i = from; i < to; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("order-" + i),
                    "total", AttributeValue.fromN(Integer.toString(i * 7)));
            client.putItem(r -> r.tableName(table).item(item));
        }
    }

    private Set<Map<String, AttributeValue>> items(String table) {
        return client.scanPaginator(r -> r.tableName(table)).items().stream().collect(Collectors.toSet());
    }

    private String backup(String name) {
        return client.createBackup(r -> r.tableName("Orders").backupName(name)).backupDetails().backupArn();
    }

    @Test
    void restoresFromABackupNameTheItemsTheSourceHeldAtBackupTime() {
        Set<Map<String, AttributeValue>> atBackup = items("Orders");
        backup("orders-nightly");
        put("Orders", 20, 30);

        TableRestorer.Restored restored = restorer.restore(client, TARGET, new RestoreSpec.FromBackup("orders-nightly"),
                Optional.of(new TableRestorer.Capacity(BillingMode.PROVISIONED, 6, 7)), progress::add);

        assertThat(restored.status()).isEqualTo("ACTIVE");
        assertThat(items("OrdersRestored")).hasSize(20).isEqualTo(atBackup);
        TableDescription table = client.describeTable(r -> r.tableName("OrdersRestored")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(6);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(7);
        assertThat(progress).first().asString().startsWith("restoring us-east-1/OrdersRestored from backup arn:");
    }

    @Test
    void aBackupNameResolvesToTheNewestAvailableBackupOfThatName() {
        backup("orders-nightly");
        put("Orders", 20, 25);
        String newest = backup("orders-nightly");

        assertThat(restorer.resolveBackupArn(client, "us-east-1", "orders-nightly")).isEqualTo(newest);
        assertThat(restorer.resolveBackupArn(client, "us-east-1", "arn:aws:dynamodb:given")).isEqualTo("arn:aws:dynamodb:given");
    }

    @Test
    void anUnknownBackupNameIsAClearError() {
        assertThatThrownBy(() -> restorer.restore(client, TARGET, new RestoreSpec.FromBackup("no-such-backup"),
                Optional.empty(), progress::add))
                .isInstanceOf(RestoreException.class)
                .hasMessage("no AVAILABLE backup named \"no-such-backup\" in us-east-1");
    }

    @Test
    void neverOverwritesAnExistingTable() {
        String arn = backup("orders-nightly");

        assertThatThrownBy(() -> restorer.restore(client, new TableId("us-east-1", "Orders"),
                new RestoreSpec.FromBackup(arn), Optional.empty(), progress::add))
                .isInstanceOf(RestoreException.class)
                .hasMessageContaining("table us-east-1/Orders already exists; a restore never overwrites a table");
        assertThat(items("Orders")).hasSize(20);
    }

    @Test
    void restoresAnotherTableAsItWasAtAnInstant() {
        client.updateContinuousBackups(r -> r.tableName("Orders")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        Set<Map<String, AttributeValue>> then = items("Orders");
        java.time.Instant moment = afterNow();
        put("Orders", 20, 30);
        client.deleteItem(r -> r.tableName("Orders").key(Map.of("pk", AttributeValue.fromS("order-3"))));

        TableRestorer.Restored restored = restorer.restore(client, TARGET,
                new RestoreSpec.FromPointInTime("Orders", Optional.of(moment)), Optional.empty(), progress::add);

        assertThat(restored.status()).isEqualTo("ACTIVE");
        assertThat(items("OrdersRestored")).hasSize(20).isEqualTo(then);
    }

    /** An instant strictly after every write so far and strictly before the next one: poll until the clock moves. */
    private static java.time.Instant afterNow() {
        java.time.Instant start = java.time.Instant.now();
        java.time.Instant now = start;
        while (!now.isAfter(start.plusMillis(1))) {
            Thread.onSpinWait();
            now = java.time.Instant.now();
        }
        java.time.Instant moment = now;
        while (!java.time.Instant.now().isAfter(moment.plusMillis(1))) {
            Thread.onSpinWait();
        }
        return moment;
    }

    @Test
    void restoresAnotherTablesLatestPointInTime() {
        client.updateContinuousBackups(r -> r.tableName("Orders")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        Set<Map<String, AttributeValue>> now = items("Orders");

        TableRestorer.Restored restored = restorer.restore(client, TARGET,
                new RestoreSpec.FromPointInTime("Orders", Optional.empty()), Optional.empty(), progress::add);

        assertThat(restored.source()).isEqualTo("table Orders at latest");
        assertThat(items("OrdersRestored")).isEqualTo(now);
    }
}
