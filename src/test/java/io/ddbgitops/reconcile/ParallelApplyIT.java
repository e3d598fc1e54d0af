package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.Delays;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.ReportJson;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables reconciled side by side: one table's own sequence (a billing switch, two new indexes over a slow backfill,
 * a TTL change) keeps DynamoDB's order while the others run beside it, every table converges, and the report does not
 * depend on the parallelism.
 */
class ParallelApplyIT extends EndpointPerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private RunResult run(ConfigRepo repo, RunRequest.Mode mode, int parallelism, boolean waitForLongWork)
            throws Exception {
        recorder.clear();
        try (DynamoDbClients recording = new DynamoDbClients(
                AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder))) {
            return new Reconciler(new ManifestLoader(), recording, Progress.NONE, parallelism).run(new RunRequest(
                    mode, repo.url(), Optional.empty(), mode == RunRequest.Mode.APPLY, Optional.empty(), NOW,
                    GitAuth.none(), CommitAuthor.defaults(), false, Optional.empty(), waitForLongWork));
        }
    }

    private TableDescription describe(String table) {
        return clients.forRegion("us-east-1").describeTable(r -> r.tableName(table)).table();
    }

    /** Orders, provisioned and without indexes or TTL at first; then on-demand with two indexes and a TTL. */
    private static String orders(boolean changed) {
        String plain = Manifests.table("orders", "us-east-1", "Orders", 5, 5, false);
        if (!changed) {
            return plain;
        }
        return plain.replace("  writecapacityunits: 5\n  readcapacityunits: 5\n", "") + """
                    billing_mode: PAY_PER_REQUEST
                    ttl_attributename: expiresAt
                    global_secondary_indexes:
                      - index_name: byCustomer
                        pri_key_attributename: customer
                        pri_key_attributetype: S
                        projection: ALL
                      - index_name: byDay
                        pri_key_attributename: day
                        pri_key_attributetype: S
                        projection: KEYS_ONLY
                """;
    }

    private static Map<String, String> others(int count, int capacity) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < count; i++) {
            files.put("other" + i + ".yaml", Manifests.table("other" + i, "us-east-1", "Other" + i, capacity, capacity,
                    false));
        }
        return files;
    }

    @Test
    void eightAtOnceKeepOneTablesOrderOfBillingSwitchTwoIndexesAndTtlAndAllConverge() throws Exception {
        Map<String, String> initial = new HashMap<>(others(7, 5));
        initial.put("orders.yaml", orders(false));
        ConfigRepo repo = ConfigRepo.create(temp).commit("tables", initial);
        assertThat(run(repo, RunRequest.Mode.APPLY, 8, true).exitCode()).isZero();
        endpoint.setDelays(Delays.NONE.withIndexBackfill(Duration.ofSeconds(2)));
        Map<String, String> changed = new HashMap<>(others(7, 10));
        changed.put("orders.yaml", orders(true));
        repo.commit("orders on demand with two indexes and a ttl; more capacity for the others", changed);

        RunResult run = run(repo, RunRequest.Mode.APPLY, 8, true);

        assertThat(run.exitCode()).as(run.markdown()).isZero();
        // one task per table, the tables on their own threads side by side
        assertThat(recorder.calls().stream().map(RecordingInterceptor.Call::thread)
                .filter(t -> t.startsWith("ddb-gitops-table-")).distinct()).hasSize(8);
        List<RecordingInterceptor.Call> orders = recorder.calls().stream().filter(c -> c.table().equals("Orders"))
                .toList();
        assertThat(orders).extracting(RecordingInterceptor.Call::thread).as("Orders on one thread").containsOnly(
                orders.get(0).thread());
        List<String> writes = new ArrayList<>();
        for (RecordingInterceptor.Call call : orders) {
            if (call.request() instanceof UpdateTableRequest update) {
                writes.add(update.billingMode() == BillingMode.PAY_PER_REQUEST ? "billing PAY_PER_REQUEST"
                        : "create index " + update.globalSecondaryIndexUpdates().get(0).create().indexName());
            } else if (call.operation().equals("UpdateTimeToLive")) {
                writes.add("ttl");
            }
        }
        assertThat(writes).containsExactly("billing PAY_PER_REQUEST", "create index byCustomer", "create index byDay",
                "ttl");
        // each UpdateTable waited for the table (and its new index) to be ACTIVE again before the next one
        List<String> ops = recorder.operationsOn("Orders");
        int first = ops.indexOf("UpdateTable");
        int second = ops.subList(first + 1, ops.size()).indexOf("UpdateTable") + first + 1;
        assertThat(ops.subList(first + 1, second)).contains("DescribeTable");
        assertThat(ops.subList(second + 1, ops.lastIndexOf("UpdateTable"))).contains("DescribeTable");

        TableDescription converged = describe("Orders");
        assertThat(converged.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(converged.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("byCustomer", "byDay");
        assertThat(converged.globalSecondaryIndexes()).allSatisfy(g ->
                assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
        assertThat(clients.forRegion("us-east-1").describeTimeToLive(r -> r.tableName("Orders"))
                .timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
        for (int i = 0; i < 7; i++) {
            assertThat(describe("Other" + i).provisionedThroughput().readCapacityUnits()).isEqualTo(10);
        }
        endpoint.setDelays(Delays.NONE);
        RunResult settled = run(repo, RunRequest.Mode.PLAN, 8, false);
        assertThat(settled.report().summary().inSync()).as(settled.markdown()).isEqualTo(8);
    }

    @Test
    void aPlanOfFortyTablesAtFourIsTheSameReportAsAtOne() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("tables", others(40, 5));
        assertThat(run(repo, RunRequest.Mode.APPLY, 8, false).exitCode()).isZero();
        // a quarter changed in git, one drifted outside it: the report has something to order
        Map<String, String> changed = new HashMap<>();
        others(40, 7).forEach((file, text) -> {
            if (file.hashCode() % 4 == 0) {
                changed.put(file, text);
            }
        });
        repo.commit("more capacity for some", changed);
        clients.forRegion("us-east-1").updateTable(r -> r.tableName("Other13")
                .provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(9L)));

        RunResult one = run(repo, RunRequest.Mode.PLAN, 1, false);
        RunResult four = run(repo, RunRequest.Mode.PLAN, 4, false);

        assertThat(one.report().tables()).hasSize(40);
        assertThat(one.report().summary().changed() + one.report().summary().drifted()).isPositive();
        assertThat(ReportJson.write(four.report())).isEqualTo(ReportJson.write(one.report()));
        assertThat(four.markdown()).isEqualTo(one.markdown());
        assertThat(four.exitCode()).isEqualTo(one.exitCode());
    }
}
