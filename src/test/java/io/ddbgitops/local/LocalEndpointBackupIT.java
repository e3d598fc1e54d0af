package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

class LocalEndpointBackupIT extends SharedEndpoint {

    @Test
    void backsUpDescribesListsAndDeletes() {
        client.createTable(Clients.simpleTable("orders").build());
        Clients.putItems(client, "orders", 3);

        CreateBackupResponse created = client.createBackup(r -> r.tableName("orders").backupName("orders-nightly"));
        String arn = created.backupDetails().backupArn();
        assertThat(arn).matches("arn:aws:dynamodb:us-east-1:000000000000:table/orders/backup/\\d{13}-[0-9a-f]{8}");

        BackupDescription description = client.describeBackup(r -> r.backupArn(arn)).backupDescription();
        assertThat(description.backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
        assertThat(description.backupDetails().backupType()).isEqualTo(BackupType.USER);
        assertThat(description.backupDetails().backupName()).isEqualTo("orders-nightly");
        assertThat(description.backupDetails().backupSizeBytes()).isPositive();
        assertThat(description.backupDetails().backupCreationDateTime())
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(description.sourceTableDetails().itemCount()).isEqualTo(3);
        assertThat(description.sourceTableDetails().keySchema().get(0).attributeName()).isEqualTo("pk");

        assertThat(client.listBackups(r -> r.tableName("orders")).backupSummaries())
                .extracting(BackupSummary::backupArn).containsExactly(arn);

        client.deleteBackup(r -> r.backupArn(arn));
        assertThat(client.listBackups(r -> r.tableName("orders")).backupSummaries()).isEmpty();
        assertThatThrownBy(() -> client.describeBackup(r -> r.backupArn(arn)))
                .isInstanceOf(BackupNotFoundException.class);
    }

    @Test
    void refusesToBackUpAMissingTable() {
        assertThatThrownBy(() -> client.createBackup(r -> r.tableName("no-such-table").backupName("b1-x")))
                .isInstanceOf(TableNotFoundException.class)
                .hasMessageContaining("no-such-table");
    }

    @Test
    void rejectsAnInvalidBackupName() {
        client.createTable(Clients.simpleTable("named").build());
        assertThatThrownBy(() -> client.createBackup(r -> r.tableName("named").backupName("x!")))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("x!");
    }

    @Test
    void pagesAndFiltersBackupListings() {
        client.createTable(Clients.simpleTable("paged").build());
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String name = "paged-" + i;
            created.add(client.createBackup(r -> r.tableName("paged").backupName(name)).backupDetails().backupArn());
        }
        Set<String> seen = new HashSet<>();
        ListBackupsResponse page = client.listBackups(r -> r.tableName("paged").limit(2));
        page.backupSummaries().forEach(s -> seen.add(s.backupArn()));
        assertThat(page.backupSummaries()).hasSize(2);
        String next = page.lastEvaluatedBackupArn();
        page = client.listBackups(r -> r.tableName("paged").limit(2).exclusiveStartBackupArn(next));
        page.backupSummaries().forEach(s -> seen.add(s.backupArn()));
        assertThat(page.lastEvaluatedBackupArn()).isNull();
        assertThat(seen).isEqualTo(created);

        assertThat(client.listBackups(r -> r.tableName("paged").backupType(BackupTypeFilter.SYSTEM))
                .backupSummaries()).isEmpty();
        assertThat(client.listBackups(r -> r.tableName("paged").timeRangeUpperBound(Instant.now().minusSeconds(3600)))
                .backupSummaries()).isEmpty();
        assertThat(client.listBackups(r -> r.tableName("paged").timeRangeLowerBound(Instant.now().minusSeconds(3600)))
                .backupSummaries()).hasSize(3);
    }

    @Test
    void backupsOutliveTheirTable() {
        client.createTable(Clients.simpleTable("dropped").build());
        String arn = client.createBackup(r -> r.tableName("dropped").backupName("before-drop"))
                .backupDetails().backupArn();
        client.deleteTable(r -> r.tableName("dropped"));
        assertThat(client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupStatus())
                .isEqualTo(BackupStatus.AVAILABLE);
    }

    @Test
    void takesConcurrentBackupsOfOneTable() throws Exception {
        client.createTable(Clients.simpleTable("busy").build());
        Clients.putItems(client, "busy", 40);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> arns = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "busy-" + i;
                arns.add(pool.submit(() -> client.createBackup(r -> r.tableName("busy").backupName(name))
                        .backupDetails().backupArn()));
            }
            for (Future<String> arn : arns) {
                BackupDescription description = client.describeBackup(r -> r.backupArn(get(arn))).backupDescription();
                assertThat(description.sourceTableDetails().itemCount()).isEqualTo(40);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Backup did not complete", e);
        }
    }

    @Test
    void restoresEveryItemIntoANewTable() {
        client.createTable(Clients.simpleTable("source").build());
        Clients.putItems(client, "source", 60);
        String arn = client.createBackup(r -> r.tableName("source").backupName("full")).backupDetails().backupArn();

        var restored = client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("restored"))
                .tableDescription();

        assertThat(restored.tableName()).isEqualTo("restored");
        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(arn);
        List<Map<String, AttributeValue>> items = client.scanPaginator(r -> r.tableName("restored"))
                .items().stream().toList();
        assertThat(items).hasSize(60).contains(Clients.item(0), Clients.item(59));
        assertThatThrownBy(() -> client.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("restored")))
                .isInstanceOf(TableAlreadyExistsException.class);
    }
}
