package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read plan (README "Reads"), as calls counted per operation: each thing is read once per table, what a region-wide
 * listing answers is read once per region, and nothing is read after a create that the create answered. Not a speed
 * test: the counts are exact, on any machine.
 */
class ReadPlanIT extends EndpointPerTest {
    private static final int PER_REGION = 5;
    private static final int REGIONS = 2;
    private static final int TABLES = PER_REGION * REGIONS;

    /** Each run's calls alone, with four tables at a time. */
    @Override
    RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        recorder.clear();
        try (DynamoDbClients recording = new DynamoDbClients(
                AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder))) {
            return new Reconciler(new ManifestLoader(), recording, Progress.NONE, 4).run(new RunRequest(mode,
                    repo.url(), Optional.empty(), mode == RunRequest.Mode.APPLY, Optional.empty(), Instant.now(),
                    GitAuth.none(), CommitAuthor.defaults()));
        }
    }

    private Map<String, Long> calls() {
        return new TreeMap<>(recorder.operations().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    }

    /** Tables spread over two regions; the first {@code withTtl} of them set a TTL attribute. */
    private static Map<String, String> tables(int withTtl) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < TABLES; i++) {
            String manifest = Manifests.table("t" + i, i % REGIONS == 0 ? "us-east-1" : "us-west-2", "Table" + i, 5,
                    5, false);
            if (i < withTtl) {
                manifest = manifest.replace("  optional_spec:\n", "  optional_spec:\n    ttl_attributename: expiresAt\n");
            }
            files.put("t" + i + ".yaml", manifest);
        }
        return files;
    }

    @Test
    void newTablesCostOneCreateTableEachAndTwoListingsPerRegion() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("tables", tables(0));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(created.report().summary().created()).isEqualTo(TABLES);
        // before: DescribeTable ×2, DescribeContinuousBackups and ListBackups per table, and ListTables per region.
        // Now a table ListTables does not name is absent without a DescribeTable; the endpoint's CreateTable answers
        // ACTIVE (AWS answers CREATING, and only then is the table described, while waiting); a new table's PITR is
        // off, so there is nothing to read; backups are listed once per region.
        assertThat(calls()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CreateTable", (long) TABLES,
                "ListTables", (long) REGIONS,
                "ListBackups", (long) REGIONS));
    }

    @Test
    void inSyncTablesCostThreeReadsEachAndThreeListingsPerRegion() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("tables", tables(0));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();

        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(plan.report().summary().inSync()).as(plan.markdown()).isEqualTo(TABLES);
        // before: 8 per table (DescribeContinuousBackups twice, DescribeTimeToLive, DescribeContributorInsights,
        // DescribeScalableTargets and ListBackups each once) and ListTables per region
        assertThat(calls()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DescribeTable", (long) TABLES,
                "DescribeContinuousBackups", (long) TABLES,
                "ListTagsOfResource", (long) TABLES,
                "ListTables", (long) REGIONS,
                "ListBackups", (long) REGIONS,
                "DescribeScalableTargets", (long) REGIONS));
    }

    @Test
    void timeToLiveIsReadOnlyForTablesWhoseManifestOrLastApplyHasIt() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("tables", tables(3));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();

        RunResult plan = run(repo, RunRequest.Mode.PLAN);
        assertThat(plan.report().summary().inSync()).as(plan.markdown()).isEqualTo(TABLES);
        assertThat(calls()).containsEntry("DescribeTimeToLive", 3L).doesNotContainKey("DescribeContributorInsights");

        // the TTL line removed from one manifest: the last apply set it, so it is read and turned off again
        repo.commit("no ttl on t0", Map.of("t0.yaml", tables(0).get("t0.yaml")));
        RunResult removed = run(repo, RunRequest.Mode.PLAN);
        assertThat(calls()).containsEntry("DescribeTimeToLive", 3L);
        assertThat(removed.report().tables().stream().filter(t -> t.table().equals("Table0")).findFirst()
                .orElseThrow().changes()).anyMatch(c -> c.field().equals("ttl_attributename") && c.to().equals("disabled"));
    }
}
