package io.ddbgitops.reconcile;

import io.ddbgitops.cli.Main;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.Shard;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import io.ddbgitops.report.UnmanagedEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Shards 0/3, 1/3 and 2/3 against one endpoint and one bare remote: every table once, one recomposed report. */
class ShardingIT extends EndpointPerTest {
    private static final int TABLES = 12;
    private static final List<String> STRAYS = List.of("StrayA", "StrayB", "StrayC", "StrayD");

    @Test
    void threeConcurrentShardsCoverEveryTableOnceAndTheRecomposedReportListsThemAll() throws Exception {
        try (ConfigRepo repo = repo()) {
            DynamoDbClient east = clients.forRegion("us-east-1");
            // undeclared tables that are not ours: each is listed by the one shard it hashes to
            for (String stray : STRAYS) {
                east.createTable(r -> r.tableName(stray).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<RunResult>> shards = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Shard shard = new Shard(i, 3);
                shards.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return new Reconciler(new ManifestLoader(), clients).run(apply(repo), shard);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();

            Map<String, Integer> shardOf = new TreeMap<>();
            for (int i = 0; i < 3; i++) {
                RunResult result = shards.get(i).get(5, TimeUnit.MINUTES);
                // every shard validates every manifest, so each exits 3 for the broken one
                assertThat(result.exitCode()).as("shard %d: %s", i, result.markdown()).isEqualTo(RunResult.INVALID);
                assertThat(result.report().summary().failed()).isZero();
                assertThat(result.published()).as("shard %d pushed", i).isPresent();
                for (TableEntry t : result.report().tables()) {
                    assertThat(shardOf.put(t.table(), i)).as("%s in two shards", t.table()).isNull();
                    assertThat(Shard.of(new TableId(t.region(), t.table()), 3)).isEqualTo(i);
                }
                for (UnmanagedEntry u : result.report().unmanaged()) {
                    assertThat(Shard.of(new TableId(u.region(), u.table()), 3)).isEqualTo(i);
                }
            }
            assertThat(shardOf.keySet()).containsExactlyInAnyOrderElementsOf(tableNames());
            assertThat(new java.util.HashSet<>(shardOf.values())).as("the tables spread over the shards").hasSizeGreaterThan(1);
            assertThat(east.listTables().tableNames()).containsAll(tableNames().stream()
                    .filter(n -> n.startsWith("East")).toList());

            DriftReport composed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
            assertThat(composed.tables()).extracting(TableEntry::table)
                    .containsExactlyInAnyOrderElementsOf(tableNames());
            assertThat(composed.summary().created()).isEqualTo(TABLES);
            assertThat(composed.unmanaged()).extracting(UnmanagedEntry::table)
                    .containsExactlyInAnyOrderElementsOf(STRAYS);
            assertThat(composed.errors()).as("every shard reports the broken manifest; the report lists it once")
                    .hasSize(1);
            String markdown = repo.read("drift/REPORT.md").orElseThrow();
            tableNames().forEach(n -> assertThat(markdown).contains(n));
            for (int i = 0; i < 3; i++) {
                DriftReport part = ReportJson.read(repo.read("drift/shards/" + i + "-of-3.json").orElseThrow())
                        .orElseThrow();
                int shard = i;
                assertThat(part.tables()).allSatisfy(t -> assertThat(shardOf.get(t.table())).isEqualTo(shard));
            }
            assertThat(repo.log()).filteredOn(m -> m.startsWith("ddb-gitops")).hasSizeGreaterThanOrEqualTo(3);

            // one unsharded run (with a change, so that it commits): its report covers every table, so the shard
            // files go
            repo.commit("More reads for East0", Map.of("manifests/east0.yaml",
                    Manifests.table("east0", "us-east-1", "East0", 6, 5, false)));
            RunResult whole = new Reconciler(new ManifestLoader(), clients).run(apply(repo));
            assertThat(whole.report().tables()).hasSize(TABLES);
            assertThat(repo.read("drift/shards/0-of-3.json")).isEmpty();
            assertThat(ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow().tables())
                    .hasSize(TABLES);
        }
    }

    /**
     * The race made certain: shard 1 clones before shard 0 pushes, so its first push is refused; it re-reads the shard
     * files at the new head, recomposes, and pushes a report with shard 0's tables and its own.
     */
    @Test
    void aShardWhosePushMeetsAMovedHeadRecomposesWithTheOtherShardsResult() throws Exception {
        try (ConfigRepo repo = repo();
             JGitWorkspace first = JGitWorkspace.cloneRepo(repo.url(), Optional.empty(), GitAuth.none());
             JGitWorkspace second = JGitWorkspace.cloneRepo(repo.url(), Optional.empty(), GitAuth.none())) {
            DriftReport zero = report("Zero", "2026-12-01T12:00:00Z", first.headCommit());
            DriftReport one = report("One", "2026-12-01T12:00:01Z", second.headCommit());

            first.publish("shard 0", CommitAuthor.defaults(), Optional.empty(), true,
                    ShardPublish.writer(new Shard(0, 2), zero, "zero"));
            var pushed = second.publish("shard 1", CommitAuthor.defaults(), Optional.empty(), true,
                    ShardPublish.writer(new Shard(1, 2), one, "one"));

            assertThat(pushed.attempts()).as("the first push met the moved head").isGreaterThan(1);
            DriftReport composed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
            assertThat(composed.tables()).extracting(TableEntry::table).containsExactlyInAnyOrder("Zero", "One");
            assertThat(repo.read("drift/shards/0-of-2.json")).isPresent();
            assertThat(repo.read("drift/shards/1-of-2.json")).isPresent();
        }
    }

    @Test
    void aShardsSecondRunWaitsForItsOwnLeaseNotForTheOtherShards() throws Exception {
        try (ConfigRepo repo = repo()) {
            String key = RunLeases.key(repo.url(), "main", new Shard(1, 3));
            assertThat(key).endsWith("#main#lock-1-of-3");
            assertThat(RunLeases.key(repo.url(), "main", new Shard(2, 3))).isNotEqualTo(key);
            assertThat(RunLeases.key(repo.url(), "main", Shard.ALL)).endsWith("#main#lock");

            // through the CLI, with the index from the environment as a Kubernetes Indexed Job sets it
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    Map.of("JOB_COMPLETION_INDEX", "1"), "apply", "--endpoint-url", endpoint.endpoint().toString(),
                    "--repo", repo.url(), "--shards", "3");
            assertThat(exit).as(out + "\n" + err).isEqualTo(3); // the broken manifest
            assertThat(repo.read("drift/shards/1-of-3.json")).isPresent();
            assertThat(repo.read("drift/shards/0-of-3.json")).isEmpty();
        }
    }

    private static List<String> tableNames() {
        return IntStream.range(0, TABLES).mapToObj(i -> (i % 2 == 0 ? "East" : "West") + i).toList();
    }

    private ConfigRepo repo() throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String name : tableNames()) {
            files.put("manifests/" + name.toLowerCase() + ".yaml", Manifests.table(name.toLowerCase(),
                    name.startsWith("East") ? "us-east-1" : "eu-west-1", name, 5, 5, false));
        }
        files.put("manifests/broken.yaml", "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n  name: broken\n");
        return ConfigRepo.create(temp.resolve("repo")).commit("Tables", files);
    }

    private static RunRequest apply(ConfigRepo repo) {
        return new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, Optional.empty(),
                Instant.parse("2026-12-01T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
    }

    private static DriftReport report(String table, String at, String commit) {
        List<TableEntry> tables = List.of(new TableEntry("manifests/" + table + ".yaml", "default", table,
                "us-east-1", table, "in_sync", List.of(), List.of(), Map.of()));
        return new DriftReport(DriftReport.PLAN, DriftReport.Summary.of(tables, 0), tables, List.of(), List.of(), 0,
                Optional.empty(), Optional.of(at), Optional.of(commit));
    }
}
