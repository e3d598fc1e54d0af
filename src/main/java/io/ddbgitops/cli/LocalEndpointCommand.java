package io.ddbgitops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "local-endpoint", mixinStandardHelpOptions = true,
        description = "Run a DynamoDB-compatible endpoint on loopback (DynamoDB Local plus backups, PITR and tags) "
                + "until stopped. Any AWS client can use it with --endpoint-url.")
final class LocalEndpointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--port", defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep state in DIR across restarts (default: in memory).")
    Path dataDir;

    @Mixin
    FaultOptions faults;

    @Option(names = "--index-backfill-delay", paramLabel = "DURATION", defaultValue = "PT0S",
            description = "Keep a GSI added by UpdateTable CREATING (backfilling) this long, ISO-8601 (e.g. PT30S;"
                    + " default: none).")
    Duration indexBackfillDelay;

    @Option(names = "--restore-delay", paramLabel = "DURATION", defaultValue = "PT0S",
            description = "Keep a restored table CREATING this long (default: none).")
    Duration restoreDelay;

    @Option(names = "--replica-creation-delay", paramLabel = "DURATION", defaultValue = "PT0S",
            description = "Keep a new replica CREATING and its source table UPDATING this long (default: none).")
    Duration replicaCreationDelay;

    @Option(names = "--table-class-update-delay", paramLabel = "DURATION", defaultValue = "PT0S",
            description = "Keep a table UPDATING this long after a table class change (default: none).")
    Duration tableClassUpdateDelay;

    @Option(names = "--sse-update-delay", paramLabel = "DURATION", defaultValue = "PT0S",
            description = "Show encryption UPDATING this long after an SSE change (default: none).")
    Duration sseUpdateDelay;

    @Option(names = "--s3-dir", paramLabel = "DIR",
            description = "The S3 ImportTable reads: each subdirectory of DIR is a bucket, each file under it an object "
                    + "keyed by its relative path (default: none, so every bucket is missing).")
    Path s3Dir;

    @Option(names = "--import-delay", paramLabel = "DURATION", defaultValue = "PT0S",
            description = "Show an import IN_PROGRESS and its table CREATING this long (default: none).")
    Duration importDelay;

    /** The endpoint's delays (an {@code io.ddbgitops.local.Delays}); typed Object so that picocli's reflection on
     *  this class works in the slim jar, which has no local package. */
    Object delays() {
        return LocalEngine.delays(indexBackfillDelay, restoreDelay, replicaCreationDelay, tableClassUpdateDelay,
                sseUpdateDelay);
    }

    @Override
    public Integer call() throws Exception {
        LocalEngine.require("local-endpoint");
        LocalEngine.Started endpoint = LocalEngine.start(port, Optional.ofNullable(dataDir), faults,
                Optional.of(delays()), Optional.ofNullable(s3Dir), importDelay);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            endpoint.stop().run();
            stopped.countDown();
        }, "local-endpoint-shutdown"));
        spec.commandLine().getOut().println("local endpoint: " + endpoint.endpoint()
                + (dataDir == null ? " (in memory)" : " (data in " + dataDir.toAbsolutePath() + ")")
                + (faults.any() ? " with " + faults.rules.size() + " fault rule(s), seed " + faults.seed : ""));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
