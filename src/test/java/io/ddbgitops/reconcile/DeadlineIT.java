package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.Deadline;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.Fault;
import io.ddbgitops.local.FaultPlan;
import io.ddbgitops.local.FaultRule;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding 10: an endpoint that accepts connections and never answers. Each call is bounded by the client's timeouts,
 * the run by its deadline; the report names every table that did not finish and is still pushed; exit code 1. A
 * writing run meets the dead endpoint first at its lease (the lock table), and stops there within the same bounds.
 */
class DeadlineIT {
    @TempDir
    Path temp;

    private DeadPeer peer;
    private ConfigRepo repo;

    @BeforeEach
    void start() throws Exception {
        peer = new DeadPeer();
        repo = ConfigRepo.create(temp).commit("Three tables", Map.of(
                "manifests/a.yaml", Manifests.table("a", "us-east-1", "Alpha", 5, 5, false),
                "manifests/b.yaml", Manifests.table("b", "us-east-1", "Beta", 5, 5, false),
                "manifests/c.yaml", Manifests.table("c", "eu-west-1", "Gamma", 5, 5, false)));
    }

    @AfterEach
    void stop() throws Exception {
        repo.close();
        peer.close();
    }

    private RunResult apply(AwsSettings settings) throws Exception {
        return run(settings, RunRequest.Mode.APPLY, true);
    }

    /** A plan that only prints: it takes no lease, so it reaches the tables on an endpoint that never answers. */
    private RunResult plan(AwsSettings settings) throws Exception {
        return run(settings, RunRequest.Mode.PLAN, false);
    }

    private RunResult run(AwsSettings settings, RunRequest.Mode mode, boolean push) throws Exception {
        RunRequest request = new RunRequest(mode, repo.url(), Optional.empty(), push,
                Optional.empty(), Instant.parse("2026-12-01T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        try (DynamoDbClients clients = new DynamoDbClients(settings)) {
            // one table at a time, so that the tables after the one the deadline catches are "not reached" (side by
            // side, every table would be caught while reading)
            return new Reconciler(new ManifestLoader(), clients, Progress.NONE, 1).run(request);
        }
    }

    /**
     * A writing run takes its lease in the lock table before any table; on an endpoint that never answers it stops
     * there, within its deadline, with one error naming the lock table, and the badge says the run failed.
     */
    @Test
    void anApplyAgainstAnEndpointThatNeverAnswersStopsAtTheLeaseWithinItsDeadline() throws Exception {
        long started = System.nanoTime();

        assertThatThrownBy(() -> apply(AwsSettings.endpoint(peer.endpoint())
                .withDeadline(Deadline.after(Duration.ofSeconds(3)))))
                .hasMessageStartingWith("cannot take the lease in the lock table ddb-gitops-locks (us-east-1): ")
                .hasMessageContaining("ApiCallTimeout");

        // Generous: the default call timeouts alone would hold the lease's first call 90 s; the deadline ends it near 3 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(repo.read("drift/badge.svg").orElseThrow()).contains(">run failed");
        assertThat(repo.read("drift/report.json")).as("no table was read, so no report").isEmpty();
    }

    @Test
    void aPlanAgainstAnEndpointThatNeverAnswersStopsAtItsDeadlineAndReportsEveryTableThatDidNotFinish()
            throws Exception {
        long started = System.nanoTime();

        RunResult result = plan(AwsSettings.endpoint(peer.endpoint()).withDeadline(Deadline.after(Duration.ofSeconds(3))));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(result.report().summary().failed()).isEqualTo(3);
        assertThat(result.report().tables()).allSatisfy(t -> assertThat(t.messages())
                .anySatisfy(m -> assertThat(m).startsWith("timed out: ").contains("--timeout 3s")));
        assertThat(messages(result.report())).anySatisfy(m -> assertThat(m).contains("not reached before"));
        // Generous: the default call timeouts alone would hold the run 3 × 90 s; the deadline ends it near 3 s.
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void withoutADeadlineEachCallIsStillBoundedByTheCallTimeouts() throws Exception {
        AwsSettings.CallTimeouts small = new AwsSettings.CallTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2));

        RunResult result = plan(AwsSettings.endpoint(peer.endpoint()).withTimeouts(small));

        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(result.report().tables()).hasSize(3).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("failed");
            assertThat(t.messages()).anySatisfy(m -> assertThat(m).startsWith("cannot read the live table: ApiCallTimeout")
                    .endsWith("will retry on the next run"));
        });
        assertThat(peer.connections()).as("the calls really went to the dead peer").isPositive();
        // the lease's calls are bounded the same way
        assertThatThrownBy(() -> apply(AwsSettings.endpoint(peer.endpoint()).withTimeouts(small)))
                .hasMessageContaining("cannot take the lease").hasMessageContaining("ApiCallTimeout");
    }

    @Test
    void aCallInFlightWhenTheDeadlinePassesIsCutOffAndItsTableSaysWhatDidNotFinish() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty())) {
            // the lock table exists (an earlier run made it), so only the manifests' tables meet the slow writes
            try (DynamoDbClients setup = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()))) {
                setup.forRegion("us-east-1").createTable(r -> r.tableName(RunLeases.DEFAULT_TABLE)
                        .billingMode("PAY_PER_REQUEST").keySchema(k -> k.attributeName("key").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("key").attributeType("S")));
            }
            // every write is answered a minute late; the run's deadline is a few seconds away
            endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.LATENCY, Duration.ofMinutes(1))
                    .onlyFor("CreateTable")));
            long started = System.nanoTime();

            RunResult result = apply(AwsSettings.endpoint(endpoint.endpoint())
                    .withDeadline(Deadline.after(Duration.ofSeconds(15))));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(58));
            assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
            assertThat(messages(result.report())).anySatisfy(m -> assertThat(m)
                    .startsWith("timed out: create table").contains("did not finish before the run's deadline"));
            DriftReport pushed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
            assertThat(pushed.summary().failed()).as("the report is still pushed, naming what did not finish")
                    .isEqualTo(result.report().summary().failed()).isPositive();
        }
    }

    private static java.util.List<String> messages(DriftReport report) {
        return report.tables().stream().map(TableEntry::messages).flatMap(java.util.List::stream).toList();
    }
}
