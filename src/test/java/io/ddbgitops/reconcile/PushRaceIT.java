package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.git.PublishResult;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone pushes to the branch while a run reads the tables: the run's report lands on top, nothing is lost. */
class PushRaceIT {
    @TempDir
    Path temp;

    @Test
    void aCommitThatLandsDuringTheRunEndsUpOnTheBranchWithTheReport() throws Exception {
        try (ConfigRepo repo = ConfigRepo.create(temp).commit("One table", Map.of(
                     "manifests/orders.yaml", Manifests.table("orders", "us-east-1", "RaceOrders", 5, 5, false)));
             LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
             DynamoDbClients clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                     .withInterceptor(new PushOnFirstCall(repo)))) {
            RunRequest request = new RunRequest(RunRequest.Mode.PLAN, repo.url(), Optional.empty(), true,
                    Optional.empty(), Instant.parse("2026-11-21T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());

            RunResult result = new Reconciler(new ManifestLoader(), clients).run(request);

            PublishResult published = result.published().orElseThrow();
            assertThat(published.status()).isEqualTo(PublishResult.Status.PUSHED);
            assertThat(published.attempts()).isEqualTo(2);
            assertThat(repo.log()).hasSize(3).first().asString().startsWith("ddb-gitops: Plan:");
            assertThat(repo.log()).contains("Meanwhile, a README");
            assertThat(repo.read("README.md")).contains("# config\n");
            assertThat(repo.read("drift/report.json")).isPresent();
        }
    }

    /** Pushes a commit to the remote the first time the run talks to DynamoDB, i.e. after the clone. */
    private static final class PushOnFirstCall implements ExecutionInterceptor {
        private final ConfigRepo repo;
        private final AtomicBoolean pushed = new AtomicBoolean();

        PushOnFirstCall(ConfigRepo repo) {
            this.repo = repo;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (pushed.compareAndSet(false, true)) {
                try {
                    repo.commit("Meanwhile, a README", Map.of("README.md", "# config\n"));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
