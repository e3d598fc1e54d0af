package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.BackupEntry;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled backups and restores through whole runs: real local endpoint, real git repositories, --now. */
class BackupReconcileIT {
    private static final String ORDERS = "manifests/shop/orders.yaml";
    private static final String COPY = "manifests/shop/orders-copy.yaml";
    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private DynamoDbClient east;
    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private ConfigRepo repo;

    static String manifest(String name, String table, String pitr, String optionalSpec) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: shop
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  pitr: "%s"
                  writecapacityunits: 4
                  readcapacityunits: 3
                  optional_spec:
                %s
                """.formatted(name, table, pitr, optionalSpec.indent(4));
    }

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder));
        east = clients.forRegion("us-east-1");
        repo = ConfigRepo.create(temp).commit("Orders with nightly backups", Map.of(ORDERS,
                manifest("orders", "Orders", "false", "backup:\n  schedule: \"0 0 3 * * ?\"\n  retain: 2")));
    }

    @AfterEach
    void stop() {
        repo.close();
        clients.close();
        endpoint.close();
    }

    private RunResult run(RunRequest.Mode mode, Instant now) throws Exception {
        // stale_after of two days: these runs are hours apart and test backups, not the heartbeat (ReportFreshnessIT)
        RunRequest request = new RunRequest(mode, repo.url(), Optional.empty(), true, Optional.empty(), now,
                GitAuth.none(), CommitAuthor.defaults(), false, Optional.of(java.time.Duration.ofDays(2)));
        return new Reconciler(new ManifestLoader(), clients).run(request);
    }

    private void put(String table, int from, int to) {
        for (int i = from; i < to; i++) {
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("order-" + i),
                    "total", AttributeValue.fromN(Integer.toString(i * 3)));
            east.putItem(r -> r.tableName(table).item(item));
        }
    }

    private Set<Map<String, AttributeValue>> items(String table) {
        return east.scanPaginator(r -> r.tableName(table)).items().stream().collect(Collectors.toSet());
    }

    private static BackupEntry backup(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst()
                .flatMap(TableEntry::backup).orElseThrow();
    }

    @Test
    void takesTheScheduledBackupOnceAndAQuietRunLaterInTheWindowCommitsNothing() throws Exception {
        RunResult first = run(RunRequest.Mode.APPLY, NOON);
        put("Orders", 0, 10);
        int commits = repo.log().size();
        recorder.clear();

        RunResult same = run(RunRequest.Mode.APPLY, NOON);
        RunResult later = run(RunRequest.Mode.APPLY, Instant.parse("2026-11-22T02:59:00Z"));

        assertThat(first.exitCode()).isEqualTo(RunResult.OK);
        assertThat(backup(first, "Orders").taken()).contains("Orders-ddbgitops-20261121T030000Z");
        assertThat(backup(first, "Orders").nextDue()).contains("2026-11-22T03:00:00Z");
        assertThat(recorder.writes()).isEmpty();
        assertThat(same.published()).isEmpty();
        assertThat(later.published()).isEmpty();
        assertThat(repo.log()).hasSize(commits);
        assertThat(backup(later, "Orders")).satisfies(b -> {
            assertThat(b.held()).isEqualTo(1);
            assertThat(b.pitr()).isEqualTo("disabled");
            assertThat(b.newestBackup()).contains("Orders-ddbgitops-20261121T030000Z");
            assertThat(b.taken()).isEmpty();
        });
        DriftReport pushed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
        assertThat(pushed.tables()).singleElement().satisfies(t ->
                assertThat(t.backup()).map(BackupEntry::held).contains(1));
        assertThat(repo.read("drift/REPORT.md").orElseThrow()).contains("## Backups")
                .contains("took `Orders-ddbgitops-20261121T030000Z`");
    }

    @Test
    void aRunThatTakesABackupCommitsAndPlanOnlySaysItIsDue() throws Exception {
        run(RunRequest.Mode.APPLY, NOON);
        int commits = repo.log().size();
        recorder.clear();
        Instant nextNight = Instant.parse("2026-11-22T03:00:00Z");

        RunResult plan = run(RunRequest.Mode.PLAN, nextNight);

        assertThat(recorder.writes()).isEmpty();
        assertThat(backup(plan, "Orders").taken()).contains("Orders-ddbgitops-20261122T030000Z");

        RunResult apply = run(RunRequest.Mode.APPLY, nextNight);

        assertThat(recorder.writes()).containsExactly("CreateBackup");
        assertThat(apply.published()).isPresent();
        assertThat(repo.log().size()).isGreaterThan(commits);
    }

    @Test
    void restoreInAManifestCreatesTheTableWithTheBackupsItemsAndTheManifestsSettings() throws Exception {
        run(RunRequest.Mode.APPLY, NOON);
        put("Orders", 0, 25);
        Set<Map<String, AttributeValue>> atBackup = items("Orders");
        run(RunRequest.Mode.APPLY, Instant.parse("2026-11-22T03:00:00Z"));
        put("Orders", 25, 40);
        repo.commit("Copy of orders from last night's backup", Map.of(COPY, manifest("orders-copy", "OrdersCopy",
                "true", "restore:\n  backup: \"Orders-ddbgitops-20261122T030000Z\"")));

        RunResult restore = run(RunRequest.Mode.APPLY, Instant.parse("2026-11-22T04:00:00Z"));

        assertThat(restore.exitCode()).as(restore.markdown()).isEqualTo(RunResult.OK);
        TableEntry copy = restore.report().tables().stream().filter(t -> t.table().equals("OrdersCopy")).findFirst()
                .orElseThrow();
        assertThat(copy.status()).isEqualTo("created");
        assertThat(items("OrdersCopy")).hasSize(25).isEqualTo(atBackup);
        TableDescription table = east.describeTable(r -> r.tableName("OrdersCopy")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
        assertThat(east.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags())
                .anyMatch(t -> t.key().equals("ddb-gitops/manifest") && t.value().equals("shop/orders-copy"));
        assertThat(east.describeContinuousBackups(r -> r.tableName("OrdersCopy")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);

        RunResult again = run(RunRequest.Mode.APPLY, Instant.parse("2026-11-22T04:00:00Z"));

        assertThat(again.report().summary().inSync()).isEqualTo(2);
        assertThat(items("OrdersCopy")).hasSize(25);
    }

    @Test
    void aRestoreFromABackupThatDoesNotExistFailsThatTableOnly() throws Exception {
        repo.commit("Copy from a backup nobody took", Map.of(COPY, manifest("orders-copy", "OrdersCopy", "false",
                "restore:\n  backup: \"never-taken\"")));

        RunResult result = run(RunRequest.Mode.APPLY, NOON);

        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(result.report().tables()).extracting(TableEntry::table, TableEntry::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Orders", "created"),
                        org.assertj.core.groups.Tuple.tuple("OrdersCopy", "failed"));
        assertThat(result.markdown()).contains("no AVAILABLE backup named \\\"never-taken\\\"".replace("\\", ""));
    }
}
