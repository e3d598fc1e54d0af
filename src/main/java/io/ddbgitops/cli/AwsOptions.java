package io.ddbgitops.cli;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.local.LocalEndpoint;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where DynamoDB is: AWS (default chains), any compatible endpoint, or an in-process local endpoint. */
final class AwsOptions {
    @Option(names = "--local", description = "Start the local endpoint in-process on loopback and use it.")
    boolean local;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send DynamoDB calls to this endpoint (e.g. a running local-endpoint).")
    URI endpointUrl;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "With --local: keep the local endpoint's tables and backups in DIR across runs.")
    Path dataDir;

    @Mixin
    FaultOptions faults;

    /** The settings to use, plus whatever must be closed afterwards (the in-process endpoint). */
    Target open() throws IOException {
        if (local && endpointUrl != null) {
            throw new IllegalArgumentException("--local and --endpoint-url exclude each other");
        }
        if (dataDir != null && !local) {
            throw new IllegalArgumentException("--data-dir only applies with --local");
        }
        if (faults.any() && !local) {
            throw new IllegalArgumentException("--fault only applies with --local (or to a local-endpoint)");
        }
        if (local) {
            LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.ofNullable(dataDir), faults.plan());
            return new Target(AwsSettings.endpoint(endpoint.endpoint()), Optional.of(endpoint));
        }
        AwsSettings settings = endpointUrl == null ? AwsSettings.aws() : AwsSettings.endpoint(endpointUrl);
        return new Target(settings, Optional.empty());
    }

    record Target(AwsSettings settings, Optional<LocalEndpoint> endpoint) implements AutoCloseable {
        @Override
        public void close() {
            endpoint.ifPresent(LocalEndpoint::close);
        }
    }
}
