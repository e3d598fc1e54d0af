package io.ddbgitops.cli;

import io.ddbgitops.metrics.MetricsExport;
import io.ddbgitops.metrics.RunMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Where plan and apply leave their run's metrics (serve exposes them on /metrics instead). */
final class MetricsOptions {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsOptions.class);

    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "Write the run's metrics to PATH in Prometheus text format (for node_exporter's textfile "
                    + "collector; replaced atomically).")
    Path metricsFile;

    @Option(names = "--pushgateway", paramLabel = "URL",
            description = "Push the run's metrics to the Prometheus Pushgateway at URL (job \"ddb-gitops\").")
    URI pushgateway;

    /** A metrics sink that fails is logged; it does not change what the run did or its exit code. */
    void export(RunMetrics metrics) {
        if (metricsFile != null) {
            try {
                MetricsExport.writeTextfile(metrics, metricsFile);
            } catch (IOException e) {
                LOG.error("could not write the metrics to {}: {}", metricsFile, e.toString());
            }
        }
        if (pushgateway != null) {
            try {
                MetricsExport.push(metrics, pushgateway);
                LOG.info("metrics pushed to {}", MetricsExport.withoutUserInfo(pushgateway));
            } catch (IOException | RuntimeException e) {
                // the message names the gateway as we gave it, which had no user info
                LOG.error("could not push the metrics to {}: {}", MetricsExport.withoutUserInfo(pushgateway),
                        e.getMessage());
            }
        }
    }
}
