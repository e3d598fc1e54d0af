package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 11: two runs overlap. The seam is the SDK's interceptor on our run's client: just before our write is
 * sent, a second client (the other run) sends the very same write to the same endpoint, so the other run wins the
 * race for real and our call meets what DynamoDB answers the loser.
 */
class RaceIT {
    private static final String ORDERS = "manifests/shop/orders.yaml";

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients otherRun;
    private ConfigRepo repo;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        otherRun = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        repo = ConfigRepo.create(temp);
    }

    @AfterEach
    void stop() {
        repo.close();
        otherRun.close();
        endpoint.close();
    }

    @Test
    void aCreateThatFindsTheTableAlreadyMadeReadsItAgainAndIsNotFailed() throws Exception {
        repo.commit("Orders", Map.of(ORDERS, Manifests.table("orders", "us-east-1", "Orders", 5, 5, true)));
        FirstBefore race = new FirstBefore("CreateTable", request ->
                otherRun.forRegion("us-east-1").createTable((CreateTableRequest) request));

        RunResult result = apply(race);

        assertThat(race.happened()).isTrue();
        TableEntry orders = result.report().tables().get(0);
        assertThat(orders.status()).as(orders.messages().toString()).isNotEqualTo("failed");
        assertThat(result.report().summary().failed()).isZero();
        assertThat(result.exitCode()).isEqualTo(RunResult.OK);
        assertThat(repo.read("drift/report.json").orElseThrow()).doesNotContain("preexisting");
        assertThat(otherRun.forRegion("us-east-1").describeContinuousBackups(r -> r.tableName("Orders"))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString())
                .as("the rest of the manifest was applied after the re-read").isEqualTo("ENABLED");
    }

    @Test
    void aTimeToLiveChangeRefusedBecauseAnotherRunJustMadeItIsBlockedNotFailed() throws Exception {
        repo.commit("Sessions", Map.of(ORDERS, Manifests.table("orders", "us-east-1", "Orders", 5, 5, false)
                .replace("    sort_key_keytype: \"RANGE\"\n", "    sort_key_keytype: \"RANGE\"\n    ttl_attributename: expiresAt\n")));
        FirstBefore race = new FirstBefore("UpdateTimeToLive", request ->
                otherRun.forRegion("us-east-1").updateTimeToLive(((UpdateTimeToLiveRequest) request).toBuilder()
                        .timeToLiveSpecification(s -> s.attributeName("previousAttribute").enabled(true)).build()));

        RunResult result = apply(race);

        assertThat(race.happened()).isTrue();
        TableEntry orders = result.report().tables().get(0);
        assertThat(orders.status()).isEqualTo("blocked");
        assertThat(orders.messages()).anySatisfy(m -> assertThat(m)
                // AWS checks the TTL state before its hourly limit, so the other run's change is what it names
                .contains("ValidationException: TimeToLive is active on a different AttributeName: current"
                        + " AttributeName is previousAttribute")
                .contains("the next run tries again"));
        assertThat(result.exitCode()).as("blocked, not failed").isEqualTo(RunResult.DIFFERENCES);
    }

    private RunResult apply(ExecutionInterceptor race) throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), Instant.parse("2026-12-01T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        try (DynamoDbClients clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                .withInterceptor(race))) {
            return new Reconciler(new ManifestLoader(), clients).run(request);
        }
    }

    /** Before the first call of one operation goes out, the other run sends its own. */
    private static final class FirstBefore implements ExecutionInterceptor {
        private final String operation;
        private final Consumer<SdkRequest> otherRunsCall;
        private final AtomicBoolean done = new AtomicBoolean();

        FirstBefore(String operation, Consumer<SdkRequest> otherRunsCall) {
            this.operation = operation;
            this.otherRunsCall = otherRunsCall;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                    && done.compareAndSet(false, true)) {
                otherRunsCall.accept(context.request());
            }
        }

        boolean happened() {
            return done.get();
        }
    }
}
