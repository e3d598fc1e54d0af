package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serve Deployment's probes, asked of a real {@code serve} (the shaded jar in its own JVM, on a free loopback
 * port instead of the pod's 8080): they answer 200 once the scheduler runs, and nothing once the process is gone.
 */
class ServeProbeIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @Test
    void theProbesAnswerWhileServeRunsAndFailWithoutIt() throws Exception {
        JsonNode container = Yaml.read(Path.of("deploy/kubernetes/serve-deployment.yaml"))
                .at("/spec/template/spec/containers/0");
        String liveness = container.at("/livenessProbe/httpGet/path").asText();
        String readiness = container.at("/readinessProbe/httpGet/path").asText();
        assertThat(liveness).startsWith("/");
        assertThat(readiness).startsWith("/");

        Path log = temp.resolve("serve.log");
        Process serve = ShadedJar.start(temp, Files.createDirectories(temp.resolve("tmp")), log,
                "serve", "--local", "--data-dir", temp.resolve("data").toString(), "--cron", "0 0 0 1 1 ? 2099",
                "--health-port", "0", "--health-bind", "127.0.0.1");
        URI base;
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            Matcher port = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+)/").matcher("");
            while (!port.reset(Files.readString(log)).find() && serve.isAlive() && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertThat(port.reset(Files.readString(log)).find()).as(Files.readString(log)).isTrue();
            base = URI.create("http://127.0.0.1:" + port.group(1));
            assertThat(status(base.resolve(liveness))).isEqualTo(200);
            assertThat(status(base.resolve(readiness))).isEqualTo(200);
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        URI gone = base.resolve(liveness);
        assertThatThrownBy(() -> status(gone)).as("the probe fails once serve is gone")
                .isInstanceOf(ConnectException.class);
    }

    private static int status(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
