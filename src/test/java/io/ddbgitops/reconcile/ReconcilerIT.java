package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole loop against a real local endpoint and real git repositories on disk. */
class ReconcilerIT {
    private static final String ORDERS = "manifests/shop/orders.yaml";
    private static final String SESSIONS = "manifests/shop/sessions.yaml";

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private ConfigRepo repo;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder));
        repo = ConfigRepo.create(temp).commit("Two tables", Map.of(
                ORDERS, Manifests.table("orders", "us-east-1", "Orders", 20, 30, true),
                SESSIONS, Manifests.table("sessions", "eu-west-1", "Sessions", 5, 5, false)));
    }

    @AfterEach
    void stop() {
        repo.close();
        clients.close();
        endpoint.close();
    }

    private RunResult run(RunRequest.Mode mode, boolean push) throws Exception {
        RunRequest request = new RunRequest(mode, repo.url(), Optional.empty(), push, Optional.empty(),
                Instant.parse("2026-11-21T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        return new Reconciler(new ManifestLoader(), clients).run(request);
    }

    private TableDescription describe(String region, String table) {
        return clients.forRegion(region).describeTable(r -> r.tableName(table)).table();
    }

    @Test
    void firstApplyCreatesTheTablesAndPushesOneReportCommit() throws Exception {
        RunResult result = run(RunRequest.Mode.APPLY, true);

        assertThat(result.exitCode()).isEqualTo(RunResult.OK);
        assertThat(result.report().summary().created()).isEqualTo(2);
        TableDescription orders = describe("us-east-1", "Orders");
        assertThat(orders.provisionedThroughput().readCapacityUnits()).isEqualTo(20);
        assertThat(orders.provisionedThroughput().writeCapacityUnits()).isEqualTo(30);
        assertThat(orders.keySchema()).extracting(k -> k.attributeName()).containsExactly("id", "at");
        DynamoDbClient east = clients.forRegion("us-east-1");
        assertThat(east.describeContinuousBackups(r -> r.tableName("Orders")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(east.listTagsOfResource(r -> r.resourceArn(orders.tableArn())).tags())
                .anyMatch(t -> t.key().equals("ddb-gitops/manifest") && t.value().equals("it/orders"));
        assertThat(describe("eu-west-1", "Sessions").tableStatusAsString()).isEqualTo("ACTIVE");

        assertThat(repo.log()).hasSize(2).first().asString().startsWith("ddb-gitops: Applied: 2 tables");
        DriftReport pushed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
        assertThat(pushed.tables()).extracting(TableEntry::status).containsOnly("created");
        assertThat(repo.read("drift/REPORT.md")).hasValueSatisfying(md -> assertThat(md).contains("us-east-1/Orders"));
    }

    @Test
    void secondApplyMakesNoAwsWriteAndNoCommit() throws Exception {
        run(RunRequest.Mode.APPLY, true);
        int commits = repo.log().size();
        recorder.clear();

        RunResult second = run(RunRequest.Mode.APPLY, true);

        assertThat(second.exitCode()).isEqualTo(RunResult.OK);
        assertThat(second.report().summary().inSync()).isEqualTo(2);
        assertThat(recorder.operations()).isNotEmpty();
        assertThat(recorder.writes()).isEmpty();
        assertThat(second.published()).isEmpty();
        assertThat(repo.log()).hasSize(commits);
    }

    @Test
    void capacityChangeShowsInPlanAndIsAppliedByApply() throws Exception {
        run(RunRequest.Mode.APPLY, true);
        repo.commit("More reads for orders", Map.of(ORDERS, Manifests.table("orders", "us-east-1", "Orders", 40, 30, true)));
        recorder.clear();

        RunResult plan = run(RunRequest.Mode.PLAN, false);

        assertThat(plan.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        assertThat(recorder.writes()).isEmpty();
        TableEntry orders = entry(plan.report(), "Orders");
        assertThat(orders.status()).isEqualTo("changed");
        assertThat(orders.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("read_capacity");
            assertThat(c.from()).isEqualTo("20");
            assertThat(c.to()).isEqualTo("40");
            assertThat(c.cause()).isEqualTo("git");
        });
        assertThat(describe("us-east-1", "Orders").provisionedThroughput().readCapacityUnits()).isEqualTo(20);

        RunResult apply = run(RunRequest.Mode.APPLY, true);

        assertThat(apply.exitCode()).isEqualTo(RunResult.OK);
        assertThat(entry(apply.report(), "Orders").status()).isEqualTo("changed");
        assertThat(describe("us-east-1", "Orders").provisionedThroughput().readCapacityUnits()).isEqualTo(40);
        assertThat(run(RunRequest.Mode.PLAN, false).exitCode()).isEqualTo(RunResult.OK);
    }

    @Test
    void changeMadeOutsideGitIsReportedAsDriftAndFixed() throws Exception {
        run(RunRequest.Mode.APPLY, true);
        clients.forRegion("eu-west-1").updateTable(r -> r.tableName("Sessions")
                .provisionedThroughput(p -> p.readCapacityUnits(9L).writeCapacityUnits(5L)));

        RunResult plan = run(RunRequest.Mode.PLAN, false);

        assertThat(plan.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        assertThat(entry(plan.report(), "Sessions").status()).isEqualTo("drifted");
        assertThat(entry(plan.report(), "Sessions").changes()).singleElement()
                .satisfies(c -> assertThat(c.cause()).isEqualTo("drift"));

        int commits = repo.log().size();
        RunResult apply = run(RunRequest.Mode.APPLY, true);

        assertThat(entry(apply.report(), "Sessions").status()).isEqualTo("drifted");
        assertThat(describe("eu-west-1", "Sessions").provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(repo.log()).as("the fixed drift is recorded").hasSize(commits + 1);
        assertThat(run(RunRequest.Mode.APPLY, true).published()).as("a quiet run after it commits nothing").isEmpty();
        assertThat(repo.log()).hasSize(commits + 1);
    }

    @Test
    void invalidManifestBesideValidOnesExitsThreeAndTheValidOnesAreApplied() throws Exception {
        repo.commit("A broken manifest", Map.of("manifests/broken.yaml", Manifests.invalid("broken", "Broken")));

        RunResult result = run(RunRequest.Mode.APPLY, true);

        assertThat(result.exitCode()).isEqualTo(RunResult.INVALID);
        assertThat(result.report().summary().created()).isEqualTo(2);
        assertThat(result.report().summary().invalid()).isEqualTo(1);
        assertThat(describe("us-east-1", "Orders").tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(clients.forRegion("us-east-1").listTables().tableNames()).doesNotContain("Broken");
        DriftReport pushed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
        assertThat(pushed.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("manifests/broken.yaml");
            assertThat(e.line()).isEqualTo(19);
            assertThat(e.field()).isEqualTo("spec.optional_spec.sort_key_keytype");
            assertThat(e.message()).contains("HASH");
        });
    }

    @Test
    void planNeverWritesToDynamoDb() throws Exception {
        RunResult plan = run(RunRequest.Mode.PLAN, false);

        assertThat(plan.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        assertThat(plan.report().summary().created()).isEqualTo(2);
        assertThat(recorder.writes()).isEmpty();
        assertThat(clients.forRegion("us-east-1").listTables().tableNames()).isEmpty();
        assertThat(repo.log()).hasSize(1);
    }

    private static TableEntry entry(DriftReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }
}
