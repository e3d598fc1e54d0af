package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every table setting through the local endpoint: created in one run, converged in one run, blocked when it must be. */
class TableSettingsIT {
    private static LocalEndpoint endpoint;
    private static DynamoDbClients clients;
    private final RecordingInterceptor recorder = new RecordingInterceptor();

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
    }

    @AfterAll
    static void stop() {
        clients.close();
        endpoint.close();
    }

    private RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        try (DynamoDbClients recording = new DynamoDbClients(
                AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder))) {
            RunRequest request = new RunRequest(mode, repo.url(), Optional.empty(), mode == RunRequest.Mode.APPLY,
                    Optional.empty(), Instant.now(), GitAuth.none(), CommitAuthor.defaults());
            return new Reconciler(new ManifestLoader(), recording).run(request);
        }
    }

    private static TableDescription describe(String table) {
        return clients.forRegion("us-east-1").describeTable(r -> r.tableName(table)).table();
    }

    private static TableEntry entry(DriftReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void aManifestUsingEveryFieldIsCreatedInOneRunAndTheNextPlanIsInSync() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("everything", Map.of("catalog.yaml", Manifests.everything("Catalog")));

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        TableDescription table = describe("Catalog");
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("byCategory", "byBarcode");
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(l -> assertThat(l.indexName()).isEqualTo("byUpdatedAt"));
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(table.tableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(table.sseDescription().sseTypeAsString()).isEqualTo("KMS");
        assertThat(table.replicas()).extracting(r -> r.regionName()).containsExactly("eu-west-1");
        DynamoDbClient east = clients.forRegion("us-east-1");
        assertThat(east.describeTimeToLive(r -> r.tableName("Catalog")).timeToLiveDescription().attributeName())
                .isEqualTo("expiresAt");
        assertThat(east.describeContributorInsights(r -> r.tableName("Catalog")).contributorInsightsStatusAsString())
                .isIn("ENABLED", "ENABLING");
        assertThat(east.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags())
                .anyMatch(t -> t.key().equals("team") && t.value().equals("store"));

        recorder.clear();
        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.exitCode()).as(plan.markdown()).isZero();
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void addingTwoIndexesAndRemovingOneConvergesInOneRun() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("one index", Map.of("t.yaml",
                Manifests.withIndexes("Indexed", "byA")));
        run(repo, RunRequest.Mode.APPLY);
        repo.commit("swap indexes", Map.of("t.yaml", Manifests.withIndexes("Indexed", "byB", "byC")));

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(describe("Indexed").globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("byB", "byC");
        assertThat(run(repo, RunRequest.Mode.PLAN).exitCode()).isZero();
    }

    @Test
    void aKeyChangeIsBlockedAndTheTableIsUntouched() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("table", Map.of("t.yaml",
                Manifests.table("keyed", "us-east-1", "Keyed", 5, 5, false)));
        run(repo, RunRequest.Mode.APPLY);
        clients.forRegion("us-east-1").putItem(r -> r.tableName("Keyed").item(Map.of(
                "id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"),
                "at", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));
        repo.commit("new key", Map.of("t.yaml", Manifests.table("keyed", "us-east-1", "Keyed", 5, 5, false)
                .replace("pri_key_attributename: \"id\"", "pri_key_attributename: \"key\"")));
        recorder.clear();

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        assertThat(entry(apply.report(), "Keyed").status()).isEqualTo("blocked");
        assertThat(entry(apply.report(), "Keyed").messages().get(0)).contains("cannot be changed in place");
        assertThat(recorder.writes()).isEmpty();
        assertThat(clients.forRegion("us-east-1").scan(r -> r.tableName("Keyed")).count()).isEqualTo(1);
    }

    @Test
    void anUnmanagedTableIsReportedAndUntouched() throws Exception {
        clients.forRegion("us-east-1").createTable(r -> r.tableName("Theirs")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
        ConfigRepo repo = ConfigRepo.create(temp).commit("claims theirs", Map.of("t.yaml",
                Manifests.table("theirs", "us-east-1", "Theirs", 9, 9, true).replace(
                        "  optional_spec:\n    sort_key_attributename: \"at\"\n    sort_key_attributetype: \"N\"\n"
                                + "    sort_key_keytype: \"RANGE\"\n", "")));
        recorder.clear();

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(apply.report(), "Theirs").status()).isEqualTo("unmanaged");
        assertThat(entry(apply.report(), "Theirs").messages().get(0)).contains("adopt: true");
        assertThat(recorder.writes()).isEmpty();
        assertThat(describe("Theirs").provisionedThroughput().readCapacityUnits()).isEqualTo(1);
    }
}
