package io.ddbgitops.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a batch job (plan, apply) leaves its metrics: a textfile for node_exporter, a Pushgateway. */
public final class MetricsExport {
    public static final String JOB = "ddb-gitops";

    private MetricsExport() {
    }

    /**
     * Writes the Prometheus text format next to {@code file} and moves it into place, so node_exporter's textfile
     * collector never reads half a file.
     */
    public static void writeTextfile(RunMetrics metrics, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape(),
                        EscapingScheme.UNDERSCORE_ESCAPING);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Replaces this job's group on the Pushgateway at {@code url} (http or https, host and port); user info in the
     * URL becomes basic auth and is never printed.
     */
    public static void push(RunMetrics metrics, URI url) throws IOException {
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("--pushgateway must be an http(s) URL such as http://pushgateway:9091, "
                    + "not '" + withoutUserInfo(url) + "'");
        }
        String address = url.getHost() + ":" + (url.getPort() == -1 ? ("https".equals(url.getScheme()) ? 443 : 80)
                : url.getPort());
        PushGateway.Builder push = PushGateway.builder()
                .scheme("https".equals(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(address).format(Format.PROMETHEUS_TEXT).job(JOB).registry(metrics.registry());
        String userInfo = url.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            push.basicAuth(colon < 0 ? userInfo : userInfo.substring(0, colon),
                    colon < 0 ? "" : userInfo.substring(colon + 1));
        }
        push.build().push();
    }

    /** The URL as it may be logged: a password in it must not reach the log. */
    public static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "");
    }
}
