package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

class LocalEndpointPersistenceIT {
    @TempDir
    Path dataDir;

    @Test
    void keepsTablesItemsTagsPitrAndBackupsAcrossRestarts() throws Exception {
        Tag tag = Tag.builder().key("team").value("core").build();
        String backupArn;
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("durable").tags(tag).build());
            Clients.putItems(client, "durable", 5);
            client.updateContinuousBackups(r -> r.tableName("durable")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(10)));
            backupArn = client.createBackup(r -> r.tableName("durable").backupName("kept")).backupDetails().backupArn();
        }

        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint, "us-east-1", "AKIDOTHERKEY")) {
            assertThat(client.scan(r -> r.tableName("durable")).count()).isEqualTo(5);
            String arn = client.describeTable(r -> r.tableName("durable")).table().tableArn();
            assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).containsExactly(tag);
            var pitr = client.describeContinuousBackups(r -> r.tableName("durable")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription();
            assertThat(pitr.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            assertThat(pitr.recoveryPeriodInDays()).isEqualTo(10);
            var backup = client.describeBackup(r -> r.backupArn(backupArn)).backupDescription();
            assertThat(backup.backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
            assertThat(backup.sourceTableDetails().itemCount()).isEqualTo(5);

            client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName("durable-restored"));
            assertThat(client.scan(r -> r.tableName("durable-restored")).count()).isEqualTo(5);
        }
    }

    @Test
    void keepsBackupsOfADeletedTableAndItsSystemBackupAcrossARestart() throws Exception {
        String userBackup;
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("deleted-later").build());
            client.updateContinuousBackups(r -> r.tableName("deleted-later")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
            Clients.putItems(client, "deleted-later", 3);
            userBackup = client.createBackup(r -> r.tableName("deleted-later").backupName("before-more"))
                    .backupDetails().backupArn();
            Clients.putItems(client, "deleted-later", 4);
            client.deleteTable(r -> r.tableName("deleted-later"));
            // a new table under the same name does not inherit the deleted one's backups' contents
            client.createTable(Clients.simpleTable("deleted-later").build());
        }

        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            assertThat(client.listBackups(r -> r.tableName("deleted-later")).backupSummaries())
                    .extracting(BackupSummary::backupArn).containsExactly(userBackup);
            List<BackupSummary> system = client.listBackups(r -> r.tableName("deleted-later")
                    .backupType(BackupTypeFilter.SYSTEM)).backupSummaries();
            assertThat(system).hasSize(1);
            assertThat(system.get(0).backupName()).isEqualTo("deleted-later$DeletedTableBackup");
            assertThat(system.get(0).backupType()).isEqualTo(BackupType.SYSTEM);
            assertThat(client.listBackups(r -> r.backupType(BackupTypeFilter.ALL)).backupSummaries()).hasSize(2);

            client.restoreTableFromBackup(r -> r.backupArn(system.get(0).backupArn()).targetTableName("undeleted"));
            assertThat(client.scan(r -> r.tableName("undeleted")).count()).isEqualTo(4);
            client.restoreTableFromBackup(r -> r.backupArn(userBackup).targetTableName("undeleted-earlier"));
            assertThat(client.scan(r -> r.tableName("undeleted-earlier")).count()).isEqualTo(3);
        }
    }

    @Test
    void keepsEachReplicasOwnSettingsAcrossARestart() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("global").build());
            client.updateTable(r -> r.tableName("global").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")
                    .onDemandThroughputOverride(o -> o.maxReadRequestUnits(70L))
                    .tableClassOverride("STANDARD_INFREQUENT_ACCESS"))));
        }

        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(dataDir));
                DynamoDbClient client = Clients.client(endpoint)) {
            ReplicaDescription replica = client.describeTable(r -> r.tableName("global")).table().replicas().get(0);
            assertThat(replica.regionName()).isEqualTo("eu-west-1");
            assertThat(replica.onDemandThroughputOverride().maxReadRequestUnits()).isEqualTo(70L);
            assertThat(replica.replicaTableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        }
    }

    @Test
    void startsEmptyWithoutADataDirectory() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("ephemeral").build());
        }
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
                DynamoDbClient client = Clients.client(endpoint)) {
            assertThat(client.listTables().tableNames()).doesNotContain("ephemeral");
        }
    }

    @Test
    void endsDynamoDbLocalBackgroundJobsOnClose() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("jobs").build());
            assertThat(backgroundJobThreads()).isNotEmpty();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!backgroundJobThreads().isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(backgroundJobThreads()).as("non-daemon threads that would keep the JVM alive").isEmpty();
    }

    private static List<Thread> backgroundJobThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> !e.getKey().isDaemon())
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local.shared.jobs")))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Test
    void closesTwiceWithoutComplaint() throws Exception {
        LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
        endpoint.close();
        endpoint.close();
        assertThat(endpoint.port()).isPositive();
    }
}
