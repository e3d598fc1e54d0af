package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every table setting through the local endpoint: created in one run, converged in one run, blocked when it must be. */
class TableSettingsIT extends EndpointPerTest {

    private TableDescription describe(String table) {
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
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.onDemandThroughput().maxReadRequestUnits()).isEqualTo(500);
        assertThat(table.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(200);
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

    @Test
    void aTableWhoseManifestWasRemovedIsReportedAndOnlyPrunedWhenAsked() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("two tables", Map.of(
                "keep.yaml", Manifests.table("keep", "us-east-1", "Keep", 5, 5, false),
                "old.yaml", Manifests.table("old", "us-east-1", "Old", 5, 5, false)));
        run(repo, RunRequest.Mode.APPLY);
        repo.commit("drop old", java.util.Collections.singletonMap("old.yaml", null));

        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        assertThat(plan.report().unmanaged()).singleElement().satisfies(u -> {
            assertThat(u.table()).isEqualTo("Old");
            assertThat(u.owner()).isEqualTo("it/old");
            assertThat(u.action()).isEqualTo("none");
        });
        assertThat(run(repo, RunRequest.Mode.APPLY).report().unmanaged()).singleElement()
                .satisfies(u -> assertThat(u.action()).isEqualTo("none"));
        assertThat(clients.forRegion("us-east-1").listTables().tableNames()).contains("Old");

        RunResult pruned = runPruning(repo);

        assertThat(pruned.exitCode()).as(pruned.markdown()).isZero();
        assertThat(pruned.report().unmanaged()).singleElement()
                .satisfies(u -> assertThat(u.action()).isEqualTo("deleted"));
        assertThat(clients.forRegion("us-east-1").listTables().tableNames())
                .filteredOn(t -> !t.equals(RunLeases.DEFAULT_TABLE)).containsExactly("Keep");
        assertThat(clients.forRegion("us-east-1").listBackups(r -> r.tableName("Old")).backupSummaries())
                .as("a backup was taken first").hasSize(1);
    }

    @Test
    void aForeignTableIsListedButNeverPruned() throws Exception {
        clients.forRegion("us-east-1").createTable(r -> r.tableName("Scratch")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .billingMode("PAY_PER_REQUEST"));
        ConfigRepo repo = ConfigRepo.create(temp).commit("one table", Map.of(
                "keep.yaml", Manifests.table("keep", "us-east-1", "Keep", 5, 5, false)));

        RunResult apply = runPruning(repo);

        assertThat(apply.exitCode()).isZero();
        assertThat(apply.report().unmanaged()).singleElement().satisfies(u -> {
            assertThat(u.table()).isEqualTo("Scratch");
            assertThat(u.owner()).isEmpty();
        });
        assertThat(clients.forRegion("us-east-1").listTables().tableNames()).contains("Scratch");
    }

    private RunResult runPruning(ConfigRepo repo) throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), Instant.now(), GitAuth.none(), CommitAuthor.defaults(), true);
        return new Reconciler(new ManifestLoader(), clients).run(request);
    }
}
