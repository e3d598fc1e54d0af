package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.Delays;
import io.ddbgitops.local.Fault;
import io.ddbgitops.local.FaultPlan;
import io.ddbgitops.local.FaultRule;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.plan.PlanSettings;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long work against the local endpoint with a slow index backfill: a run starts it and moves on, the next run
 * continues the table's sequence, --wait finishes it in one run; TTL within the hour and a quota refusal are blocked.
 */
class LongWorkIT extends EndpointPerTest {
    private static final Duration SLOW_BACKFILL = Duration.ofSeconds(15);

    private RunResult apply(ConfigRepo repo, boolean waitForLongWork) throws Exception {
        return apply(repo, new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, Optional.empty(),
                Instant.now(), GitAuth.none(), CommitAuthor.defaults(), false, Optional.empty(), waitForLongWork));
    }

    /** An apply whose decrease quota is given as on the command line. */
    private RunResult apply(ConfigRepo repo, boolean waitForLongWork, int decreasesPerDay) throws Exception {
        return apply(repo, new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, Optional.empty(),
                Instant.now(), GitAuth.none(), CommitAuthor.defaults())
                .withSettings(new PlanSettings(decreasesPerDay, waitForLongWork)));
    }

    private RunResult apply(ConfigRepo repo, RunRequest request) throws Exception {
        recorder.clear();
        try (DynamoDbClients recording = new DynamoDbClients(
                AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder))) {
            return new Reconciler(new ManifestLoader(), recording).run(request);
        }
    }

    private TableDescription describe(String table) {
        return clients.forRegion("us-east-1").describeTable(r -> r.tableName(table)).table();
    }

    private IndexStatus indexStatus(String table, String index) {
        return describe(table).globalSecondaryIndexes().stream().filter(g -> g.indexName().equals(index))
                .map(GlobalSecondaryIndexDescription::indexStatus).findFirst().orElseThrow();
    }

    /** Polls DescribeTable until the index is ACTIVE (bounded well above the configured backfill delay). */
    private void awaitIndexActive(String table, String index) throws InterruptedException {
        Instant deadline = Instant.now().plus(SLOW_BACKFILL.multipliedBy(4));
        while (indexStatus(table, index) != IndexStatus.ACTIVE) {
            assertThat(Instant.now()).as("index " + index + " still not ACTIVE").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static TableEntry entry(DriftReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static ChangeEntry change(TableEntry t, String field) {
        return t.changes().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void twoNewIndexesOverASlowBackfillAreCreatedOneRunAfterTheOtherWithoutWaiting() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("table", Map.of("orders.yaml", plain("Orders")));
        assertThat(apply(repo, false).exitCode()).isZero();
        endpoint.setDelays(Delays.NONE.withIndexBackfill(SLOW_BACKFILL));
        repo.commit("two indexes", Map.of("orders.yaml", Manifests.withIndexes("Orders", "first", "second")));

        RunResult first = apply(repo, false);

        // the run came back while the first backfill was still running, and did not try the second index
        assertThat(indexStatus("Orders", "first")).isEqualTo(IndexStatus.CREATING);
        assertThat(describe("Orders").globalSecondaryIndexes()).hasSize(1);
        assertThat(first.exitCode()).as(first.markdown()).isZero();
        TableEntry started = entry(first.report(), "Orders");
        assertThat(started.status()).isEqualTo("in_progress");
        assertThat(change(started, "gsi.first").action()).isEqualTo("in_progress");
        assertThat(change(started, "gsi.first").since()).isPresent();
        assertThat(change(started, "gsi.second").action()).isEqualTo("pending");
        assertThat(first.markdown()).contains("in progress since").contains("pending until the work in progress is done");
        String committedJson = repo.read(Reconciler.REPORT_JSON).orElseThrow();
        assertSchemaAccepts(committedJson);
        DriftReport committed = ReportJson.read(committedJson).orElseThrow();
        assertThat(entry(committed, "Orders").history()).isPresent();

        RunResult meanwhile = apply(repo, false);
        if (indexStatus("Orders", "first") == IndexStatus.CREATING) {
            assertThat(entry(meanwhile.report(), "Orders").status()).isEqualTo("in_progress");
            assertThat(recorder.writes()).doesNotContain("UpdateTable");
            assertThat(change(entry(meanwhile.report(), "Orders"), "gsi.first.status").since())
                    .isEqualTo(change(started, "gsi.first").since());
        }

        awaitIndexActive("Orders", "first");
        endpoint.setDelays(Delays.NONE);
        RunResult second = apply(repo, false);

        assertThat(second.exitCode()).as(second.markdown()).isZero();
        assertThat(describe("Orders").globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("first", "second");
        assertThat(change(entry(second.report(), "Orders"), "gsi.second").action()).isEqualTo("create");
        RunResult settled = apply(repo, false);
        assertThat(entry(settled.report(), "Orders").status()).isEqualTo("in_sync");
    }

    @Test
    void withWaitTheSameChangeCompletesInOneRun() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("table", Map.of("orders.yaml", plain("Orders")));
        assertThat(apply(repo, true).exitCode()).isZero();
        endpoint.setDelays(Delays.NONE.withIndexBackfill(Duration.ofSeconds(2)));
        repo.commit("two indexes", Map.of("orders.yaml", Manifests.withIndexes("Orders", "first", "second")));

        RunResult run = apply(repo, true);

        assertThat(run.exitCode()).as(run.markdown()).isZero();
        assertThat(describe("Orders").globalSecondaryIndexes()).allSatisfy(g ->
                assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE)).hasSize(2);
        assertThat(entry(run.report(), "Orders").status()).isEqualTo("changed");
    }

    @Test
    void aTtlChangeWithinTheHourOfOurLastIsBlockedWithItsTimeAndNotTried() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("table", Map.of("events.yaml", withTtl("Events", "expiresAt")));
        RunResult enabled = apply(repo, false);
        assertThat(enabled.exitCode()).as(enabled.markdown()).isZero();
        String changedAt = entry(enabled.report(), "Events").history().orElseThrow().lastTtlChange().orElseThrow();

        repo.commit("another ttl attribute", Map.of("events.yaml", withTtl("Events", "deleteAfter")));
        RunResult again = apply(repo, false);

        TableEntry events = entry(again.report(), "Events");
        assertThat(events.status()).isEqualTo("blocked");
        String possibleAt = Instant.parse(changedAt).plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .plus(Duration.ofMinutes(1)).toString();
        assertThat(change(events, "ttl_attributename").possibleAt()).contains(possibleAt);
        assertThat(events.messages()).anyMatch(m -> m.contains("possible at " + possibleAt.substring(0, 16) + "Z"));
        assertThat(recorder.writes()).doesNotContain("UpdateTimeToLive");
        assertThat(again.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        String json = repo.read(Reconciler.REPORT_JSON).orElseThrow();
        assertSchemaAccepts(json);
        assertThat(json).contains("\"possible_at\": \"" + possibleAt + "\"");
    }

    @Test
    void aQuotaRefusalFromAwsIsBlockedWithItsMessageAndNotRetried() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("table", Map.of("events.yaml", plain("Events")));
        assertThat(apply(repo, false).exitCode()).isZero();
        // someone changes TTL outside git: our history does not know, AWS (the endpoint) counts it
        clients.forRegion("us-east-1").updateTimeToLive(r -> r.tableName("Events")
                .timeToLiveSpecification(s -> s.attributeName("other").enabled(true)));
        repo.commit("ttl", Map.of("events.yaml", withTtl("Events", "expiresAt")));

        RunResult run = apply(repo, false);

        TableEntry events = entry(run.report(), "Events");
        assertThat(events.status()).isEqualTo("blocked");
        assertThat(events.messages()).anyMatch(m -> m.contains("refused by an AWS quota")
                && m.contains("ValidationException: Time to live has been modified multiple times within a fixed interval"));
        assertThat(change(events, "ttl_attributename").action()).isEqualTo("blocked");
        assertThat(recorder.operations().stream().filter("UpdateTimeToLive"::equals)).hasSize(1);
        assertThat(run.exitCode()).isEqualTo(RunResult.DIFFERENCES);
    }

    @Test
    void aLimitExceededExceptionOnUpdateTableIsBlockedWithAwsMessageAndTriedOnce() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("table", Map.of("t.yaml",
                Manifests.table("t", "us-east-1", "Limited", 20, 20, false)));
        assertThat(apply(repo, false).exitCode()).isZero();
        repo.commit("more", Map.of("t.yaml", Manifests.table("t", "us-east-1", "Limited", 30, 30, false)));
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.LIMIT_EXCEEDED).onlyFor("UpdateTable")));

        RunResult run = apply(repo, false);

        endpoint.faults().clear();
        TableEntry limited = entry(run.report(), "Limited");
        assertThat(limited.status()).as(run.markdown()).isEqualTo("blocked");
        assertThat(limited.messages()).anyMatch(m -> m.contains("LimitExceededException: Subscriber limit exceeded"));
        assertThat(change(limited, "read_capacity").action()).isEqualTo("blocked");
        assertThat(recorder.operations().stream().filter("UpdateTable"::equals)).hasSize(1);
        assertThat(describe("Limited").provisionedThroughput().readCapacityUnits()).isEqualTo(20);
        assertThat(run.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        // the next run, with AWS no longer refusing, makes the change
        assertThat(apply(repo, false).exitCode()).isZero();
        assertThat(describe("Limited").provisionedThroughput().readCapacityUnits()).isEqualTo(30);
    }

    private static void assertSchemaAccepts(String json) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(Path.of("schemas/drift-report-v1.schema.json"))) {
            var schema = com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
            assertThat(schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json))).isEmpty();
        }
    }

    private static String plain(String table) {
        return Manifests.withIndexes(table).replace("    global_secondary_indexes:\n", "");
    }

    private static String withTtl(String table, String attribute) {
        return Manifests.withIndexes(table).replace("    global_secondary_indexes:\n", "    ttl_attributename: "
                + attribute + "\n");
    }
}
