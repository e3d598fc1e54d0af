package io.ddbgitops.aws;

import io.ddbgitops.backup.BackupPolicy;
import io.ddbgitops.backup.BackupRecord;
import io.ddbgitops.backup.BackupRun;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheduled backups, retention and safety backups against a real local endpoint, with the clock injected. */
class BackupApplierIT {
    private static final String SCHEDULE = """
            backup:
              schedule: "0 0 3 * * ?"
              retain: 3""";

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private DynamoDbClient client;
    private BackupApplier applier;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        client = clients.forRegion("us-east-1");
        applier = new BackupApplier(clients);
        client.createTable(r -> r.tableName("Orders")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("order-" + n))));
        }
    }

    @AfterEach
    void stop() {
        clients.close();
        endpoint.close();
    }

    private List<BackupRecord> ours() {
        return BackupPolicy.ours("Orders", new BackupReader().list(client, Optional.of("Orders")));
    }

    @Test
    void takesTheDueBackupOnceAndNotAgainInTheSameWindow() throws Exception {
        TableManifest manifest = LoadedManifests.load(temp, "Orders", SCHEDULE);

        BackupRun first = applier.run(manifest, Instant.parse("2026-11-21T12:00:00Z"), true);
        BackupRun again = applier.run(manifest, Instant.parse("2026-11-21T12:00:00Z"), true);
        BackupRun later = applier.run(manifest, Instant.parse("2026-11-22T02:59:59Z"), true);

        assertThat(first.taken()).contains("Orders-ddbgitops-20261121T030000Z");
        assertThat(first.failures()).isEmpty();
        assertThat(first.nextDue()).contains(Instant.parse("2026-11-22T03:00:00Z"));
        assertThat(again.taken()).isEmpty();
        assertThat(later.taken()).isEmpty();
        assertThat(ours()).singleElement().satisfies(b -> assertThat(b.available()).isTrue());

        BackupRun nextWindow = applier.run(manifest, Instant.parse("2026-11-22T03:00:00Z"), true);

        assertThat(nextWindow.taken()).contains("Orders-ddbgitops-20261122T030000Z");
        assertThat(ours()).hasSize(2);
    }

    @Test
    void retentionOverManyDaysKeepsExactlyRetainOfOursAndEveryoneElsesBackup() throws Exception {
        TableManifest manifest = LoadedManifests.load(temp, "Orders", SCHEDULE);
        String manual = client.createBackup(r -> r.tableName("Orders").backupName("Orders-before-migration"))
                .backupDetails().backupArn();

        Instant day = Instant.parse("2026-11-10T04:00:00Z");
        for (int i = 0; i < 8; i++) {
            BackupRun run = applier.run(manifest, day.plus(Duration.ofDays(i)), true);
            assertThat(run.failures()).isEmpty();
            assertThat(ours()).hasSize(Math.min(i + 1, 3));
        }

        assertThat(ours()).extracting(BackupRecord::name).containsExactly("Orders-ddbgitops-20261115T030000Z",
                "Orders-ddbgitops-20261116T030000Z", "Orders-ddbgitops-20261117T030000Z");
        assertThat(client.describeBackup(r -> r.backupArn(manual)).backupDescription().backupDetails().backupStatus())
                .isEqualTo(BackupStatus.AVAILABLE);
    }

    @Test
    void planModeReportsWhatIsDueAndWritesNothing() throws Exception {
        TableManifest manifest = LoadedManifests.load(temp, "Orders", SCHEDULE);

        BackupRun preview = applier.run(manifest, Instant.parse("2026-11-21T12:00:00Z"), false);

        assertThat(preview.taken()).contains("Orders-ddbgitops-20261121T030000Z");
        assertThat(ours()).isEmpty();
    }

    @Test
    void aBackupThatCannotBeTakenIsReportedNotThrown() throws Exception {
        TableManifest missing = LoadedManifests.load(temp, "Missing", SCHEDULE);

        BackupRun run = applier.run(missing, Instant.parse("2026-11-21T12:00:00Z"), true);

        assertThat(run.failed()).isTrue();
        assertThat(run.failures()).singleElement().asString()
                .startsWith("backup Missing-ddbgitops-20261121T030000Z failed: ");
        assertThat(run.pitr()).isEmpty();
    }

    @Test
    void safetyBackupIsAvailableWhenItReturnsAndIsLeftAloneByRetention() throws Exception {
        TableId id = new TableId("us-east-1", "Orders");

        String arn = applier.safetyBackup(client, id, "deleting index byCustomer", Instant.parse("2026-11-21T12:00:00Z"));

        assertThat(client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails())
                .satisfies(d -> {
                    assertThat(d.backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
                    assertThat(d.backupName()).isEqualTo("Orders-ddbgitops-safety-20261121T120000Z");
                });
        TableManifest keepOne = LoadedManifests.load(temp, "Orders", "backup:\n  retain: 1");
        applier.run(keepOne, Instant.parse("2026-11-21T12:00:00Z"), true);
        assertThat(new BackupReader().list(client, Optional.of("Orders"))).extracting(BackupRecord::arn).contains(arn);
    }

    @Test
    void safetyBackupOfATableThatCannotBeBackedUpStopsTheChange() {
        TableId id = new TableId("us-east-1", "Missing");

        assertThatThrownBy(() -> applier.safetyBackup(client, id, "pruning the table", Instant.now()))
                .isInstanceOf(SafetyBackupException.class)
                .hasMessageContaining("safety backup of us-east-1/Missing before pruning the table failed")
                .hasMessageContaining("the change was not made");
    }
}
