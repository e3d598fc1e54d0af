package io.ddbgitops.cli;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.git.Redaction;
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

    /** Fails on a wrong combination or a malformed endpoint, before anything is started or read. */
    void check() {
        if (local && endpointUrl != null) {
            throw new IllegalArgumentException("--local and --endpoint-url exclude each other");
        }
        if (dataDir != null && !local) {
            throw new IllegalArgumentException("--data-dir only applies with --local");
        }
        if (faults.any() && !local) {
            throw new IllegalArgumentException("--fault only applies with --local (or to a local-endpoint)");
        }
        if (endpointUrl != null) {
            checkEndpoint(endpointUrl);
        }
    }

    /** What the SDK can send requests to: an absolute http(s) URL with a host, and no user-info, query or fragment. */
    static void checkEndpoint(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean ok = url.isAbsolute() && !url.isOpaque() && (scheme.equals("http") || scheme.equals("https"))
                && url.getHost() != null && url.getUserInfo() == null && url.getQuery() == null && url.getFragment() == null;
        if (!ok) {
            throw new IllegalArgumentException("--endpoint-url must be an http or https URL with a host (no user, query or fragment), "
                    + "such as http://127.0.0.1:8000, but is '" + Redaction.stripCredentials(url.toString()) + "'");
        }
    }

    /** The settings to use, plus whatever must be closed afterwards (the in-process endpoint). */
    Target open() throws IOException {
        check();
        if (local) {
            LocalEngine.require("--local");
            LocalEngine.Started endpoint = LocalEngine.start(0, Optional.ofNullable(dataDir), faults,
                    Optional.empty());
            return new Target(AwsSettings.endpoint(endpoint.endpoint()), Optional.of(endpoint.stop()));
        }
        AwsSettings settings = endpointUrl == null ? AwsSettings.aws() : AwsSettings.endpoint(endpointUrl);
        return new Target(settings, Optional.empty());
    }

    /** {@code stop} stops the in-process endpoint, if one was started. */
    record Target(AwsSettings settings, Optional<Runnable> stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.ifPresent(Runnable::run);
        }
    }
}
