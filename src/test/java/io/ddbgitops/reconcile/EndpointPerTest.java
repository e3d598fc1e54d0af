package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A fresh in-memory endpoint, clients to it and a temp directory for every test: every run also lists the tables no
 * manifest declares, so tests that reconcile must not share tables. {@code recorder} counts the writes of clients
 * a test builds with it, and of every {@link #run}.
 */
abstract class EndpointPerTest {
    LocalEndpoint endpoint;
    DynamoDbClients clients;
    final RecordingInterceptor recorder = new RecordingInterceptor();

    @TempDir
    Path temp;

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
    }

    @AfterEach
    void stopEndpoint() {
        clients.close();
        endpoint.close();
    }

    /** One run of {@code repo} (pushing its report when it applies), its calls added to {@code recorder}. */
    RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        try (DynamoDbClients recording = new DynamoDbClients(
                AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder))) {
            RunRequest request = new RunRequest(mode, repo.url(), Optional.empty(), mode == RunRequest.Mode.APPLY,
                    Optional.empty(), Instant.now(), GitAuth.none(), CommitAuthor.defaults());
            return new Reconciler(new ManifestLoader(), recording).run(request);
        }
    }
}
