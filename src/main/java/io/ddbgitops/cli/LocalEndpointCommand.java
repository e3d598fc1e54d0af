package io.ddbgitops.cli;

import io.ddbgitops.local.Delays;
import io.ddbgitops.local.LocalEndpoint;
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

    Delays delays() {
        return new Delays(indexBackfillDelay, restoreDelay, replicaCreationDelay, tableClassUpdateDelay,
                sseUpdateDelay);
    }

    @Override
    public Integer call() throws Exception {
        Delays delays = delays();
        LocalEndpoint endpoint = LocalEndpoint.start(port, Optional.ofNullable(dataDir), faults.plan());
        endpoint.setDelays(delays);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            endpoint.close();
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
