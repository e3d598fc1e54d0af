package io.ddbgitops.cli;

import io.ddbgitops.local.Delays;
import io.ddbgitops.local.FaultPlan;
import io.ddbgitops.local.LocalEndpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The only way the command line reaches the local endpoint. The production builds (the slim jar, and the image's
 * {@code ddb-gitops-app.jar} with {@code target/lib}) leave DynamoDB Local and the {@code local} package out, so the
 * command classes must not name them: picocli reflects on every command class at start-up, and a missing type there
 * would break every command, not just {@code --local}.
 */
final class LocalEngine {
    static final String NEEDS_FULL_JAR = "needs the full jar (ddb-gitops.jar): this build (the slim jar, or the "
            + "container image) has no local endpoint. Point --endpoint-url at a running endpoint instead";
    private static final String ENGINE = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";
    private static final String ENDPOINT = "io.ddbgitops.local.LocalEndpoint";

    private LocalEngine() {
    }

    /** Fails with a clear message, before any local class is touched, when this jar has no local endpoint. */
    static void require(String what) {
        ClassLoader loader = LocalEngine.class.getClassLoader();
        try {
            Class.forName(ENGINE, false, loader);
            Class.forName(ENDPOINT, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(what + " " + NEEDS_FULL_JAR);
        }
    }

    /** Starts the endpoint on loopback; the returned handle stops it. */
    static Started start(int port, Optional<Path> dataDir, FaultOptions faults, Optional<Object> delays)
            throws IOException {
        return start(port, dataDir, faults, delays, Optional.empty(), Duration.ZERO);
    }

    /** As above, with the directory ImportTable reads as S3 and how long an import looks in progress. */
    static Started start(int port, Optional<Path> dataDir, FaultOptions faults, Optional<Object> delays,
                         Optional<Path> s3Dir, Duration importDelay) throws IOException {
        LocalEndpoint endpoint = LocalEndpoint.start(port, dataDir, (FaultPlan) faults.plan());
        delays.ifPresent(d -> endpoint.setDelays((Delays) d));
        endpoint.setS3Directory(s3Dir);
        endpoint.setImportDelay(importDelay);
        return new Started(endpoint.endpoint(), endpoint::close);
    }

    static Object delays(Duration indexBackfill, Duration restore, Duration replicaCreation, Duration tableClassUpdate,
                         Duration sseUpdate) {
        return new Delays(indexBackfill, restore, replicaCreation, tableClassUpdate, sseUpdate);
    }

    /** A running endpoint: where it listens and how to stop it. */
    record Started(java.net.URI endpoint, Runnable stop) {
    }
}
