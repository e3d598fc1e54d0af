package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.aws.Retries;
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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table's failure never stops the others, with real faults from the local endpoint restricted to one operation
 * that only one of the tables needs: the report names the failure's AWS error code and what the next run does.
 */
class FailureIsolationIT {
    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private ConfigRepo repo;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        // Orders asks for PITR (UpdateContinuousBackups after CreateTable); Sessions does not.
        repo = ConfigRepo.create(temp).commit("Two tables", Map.of(
                "manifests/orders.yaml", Manifests.table("orders", "us-east-1", "Orders", 5, 5, true),
                "manifests/sessions.yaml", Manifests.table("sessions", "us-east-1", "Sessions", 5, 5, false)));
    }

    @AfterEach
    void stop() {
        repo.close();
        endpoint.close();
    }

    private RunResult apply() throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), Instant.parse("2026-12-01T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        try (DynamoDbClients clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()))) {
            return new Reconciler(new ManifestLoader(), clients).run(request);
        }
    }

    @Test
    void aTableWhoseCallsKeepFailingIsReportedWithItsCodeAndTheOthersAreApplied() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.INTERNAL_ERROR).onlyFor("UpdateContinuousBackups")));

        RunResult result = apply();

        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(entry(result.report(), "Sessions").status()).isEqualTo("created");
        TableEntry orders = entry(result.report(), "Orders");
        assertThat(orders.status()).isEqualTo("failed");
        assertThat(orders.messages()).anySatisfy(m -> assertThat(m).contains("InternalServerError")
                .endsWith("will retry on the next run"));
        assertThat(endpoint.faults().injected().get(Fault.INTERNAL_ERROR)).as("bounded: the SDK's attempts, no more")
                .isEqualTo((long) Retries.MAX_ATTEMPTS);
        DriftReport pushed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
        assertThat(pushed.summary().failed()).isEqualTo(1);

        endpoint.faults().clear();
        RunResult next = apply();

        assertThat(next.exitCode()).as("the next run finishes the failed table").isEqualTo(RunResult.OK);
        assertThat(entry(next.report(), "Sessions").status()).isEqualTo("in_sync");
    }

    @Test
    void aQuotaRefusalIsSentOnceAndTheTableIsBlockedNotFailed() throws Exception {
        apply();
        repo.commit("More reads", Map.of("manifests/orders.yaml",
                Manifests.table("orders", "us-east-1", "Orders", 9, 5, true)));
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.LIMIT_EXCEEDED).onlyFor("UpdateTable")));

        RunResult result = apply();

        assertThat(endpoint.faults().injected().get(Fault.LIMIT_EXCEEDED)).as("never retried").isEqualTo(1L);
        TableEntry orders = entry(result.report(), "Orders");
        assertThat(orders.status()).isEqualTo("blocked");
        assertThat(orders.messages()).anySatisfy(m -> assertThat(m).contains("LimitExceededException")
                .contains("the next run tries again"));
        assertThat(entry(result.report(), "Sessions").status()).isEqualTo("in_sync");
        assertThat(result.exitCode()).isEqualTo(RunResult.DIFFERENCES);
    }

    @Test
    void throttlingIsRetriedByTheSdkAndTheRunSucceeds() throws Exception {
        // CreateTable: a new table is known absent from the region's listing, so it is never described
        endpoint.faults().set(FaultPlan.of(3, FaultRule.always(Fault.THROTTLE).onlyFor("CreateTable").times(3)));

        RunResult result = apply();

        assertThat(endpoint.faults().injected().get(Fault.THROTTLE)).isEqualTo(3L);
        assertThat(result.report().summary().failed()).isZero();
        assertThat(result.exitCode()).isEqualTo(RunResult.OK);
    }

    private static TableEntry entry(DriftReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }
}
