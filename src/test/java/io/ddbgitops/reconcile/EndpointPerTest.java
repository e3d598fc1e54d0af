package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.local.LocalEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A fresh in-memory endpoint, clients to it and a temp directory for every test: every run also lists the tables no
 * manifest declares, so tests that reconcile must not share tables. {@code recorder} counts the writes of clients
 * a test builds with it.
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
}
