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

/**
 * Finding 10: an endpoint that accepts connections and never answers. Each call is bounded by the client's timeouts,
 * the run by its deadline; the report names every table that did not finish and is still pushed; exit code 1.
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
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), Instant.parse("2026-12-01T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        try (DynamoDbClients clients = new DynamoDbClients(settings)) {
            return new Reconciler(new ManifestLoader(), clients).run(request);
        }
    }

    @Test
    void aRunAgainstAnEndpointThatNeverAnswersStopsAtItsDeadlineAndReportsEveryTableThatDidNotFinish()
            throws Exception {
        long started = System.nanoTime();

        RunResult result = apply(AwsSettings.endpoint(peer.endpoint()).withDeadline(Deadline.after(Duration.ofSeconds(3))));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(result.report().summary().failed()).isEqualTo(3);
        assertThat(result.report().tables()).allSatisfy(t -> assertThat(t.messages())
                .anySatisfy(m -> assertThat(m).startsWith("timed out: ").contains("--timeout 3s")));
        assertThat(messages(result.report())).anySatisfy(m -> assertThat(m).contains("not reached before"));
        // Generous: the default call timeouts alone would hold the run 3 × 90 s; the deadline ends it near 3 s.
        assertThat(took).isLessThan(Duration.ofSeconds(60));

        DriftReport pushed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
        assertThat(pushed.summary().failed()).as("the report is still pushed, naming what did not finish").isEqualTo(3);
    }

    @Test
    void withoutADeadlineEachCallIsStillBoundedByTheCallTimeouts() throws Exception {
        AwsSettings.CallTimeouts small = new AwsSettings.CallTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2));

        RunResult result = apply(AwsSettings.endpoint(peer.endpoint()).withTimeouts(small));

        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(result.report().tables()).hasSize(3).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("failed");
            assertThat(t.messages()).anySatisfy(m -> assertThat(m).startsWith("cannot read the live table: ApiCallTimeout")
                    .endsWith("will retry on the next run"));
        });
        assertThat(peer.connections()).as("the calls really went to the dead peer").isPositive();
    }

    @Test
    void aCallInFlightWhenTheDeadlinePassesIsCutOffAndItsTableSaysWhatDidNotFinish() throws Exception {
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty())) {
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
        }
    }

    private static java.util.List<String> messages(DriftReport report) {
        return report.tables().stream().map(TableEntry::messages).flatMap(java.util.List::stream).toList();
    }
}
