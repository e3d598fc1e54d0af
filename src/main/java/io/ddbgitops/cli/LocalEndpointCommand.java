package io.ddbgitops.cli;

import io.ddbgitops.local.LocalEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
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

    @Override
    public Integer call() throws Exception {
        LocalEndpoint endpoint = LocalEndpoint.start(port, Optional.ofNullable(dataDir), faults.plan());
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
