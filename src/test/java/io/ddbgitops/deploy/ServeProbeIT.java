package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serve Deployment's probes and the image's HEALTHCHECK, asked of a real {@code serve} (the shaded jar in its own
 * JVM, on a free loopback port instead of the pod's 8080): they answer 200 once the scheduler runs, and fail once
 * the process is gone. The HEALTHCHECK runs the Dockerfile's command on the script it copies (bash, /proc).
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
        // a port of our own choosing rather than 0: the HEALTHCHECK reads it from serve's command line
        int healthPort = freePort();
        Process serve = ShadedJar.start(temp, Files.createDirectories(temp.resolve("tmp")), log,
                "serve", "--local", "--data-dir", temp.resolve("data").toString(), "--cron", "0 0 0 1 1 ? 2099",
                "--health-port", Integer.toString(healthPort), "--health-bind", "127.0.0.1");
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
            assertThat(base.getPort()).isEqualTo(healthPort);
            assertThat(healthcheck(serve.pid())).as("HEALTHCHECK of a running serve").isZero();
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        URI gone = base.resolve(liveness);
        assertThatThrownBy(() -> status(gone)).as("the probe fails once serve is gone")
                .isInstanceOf(ConnectException.class);
        assertThat(healthcheck(serve.pid())).as("HEALTHCHECK once serve is gone").isEqualTo(1);
    }

    @Test
    void theHealthcheckFailsForAServeThatDoesNotAnswerAndPassesForABatchCommand() throws Exception {
        int port = freePort();
        // stand-ins with serve's and apply's command lines: bash waiting in a builtin keeps its own arguments
        Process silentServe = new ProcessBuilder("bash", "-c", "read -t 120", "serve", "--cron", "0 * * * *",
                "--health-port=" + port).start();
        Process batch = new ProcessBuilder("bash", "-c", "read -t 120", "apply", "--repo", "x").start();
        try {
            assertThat(healthcheck(silentServe.pid())).as("nothing listens on " + port).isEqualTo(1);
            assertThat(healthcheck(batch.pid())).as("apply is no service").isZero();
        } finally {
            silentServe.destroy();
            batch.destroy();
            assertThat(silentServe.waitFor(10, TimeUnit.SECONDS) && batch.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The Dockerfile's HEALTHCHECK command on the build's files, looking at process {@code pid} instead of PID 1. */
    private int healthcheck(long pid) throws Exception {
        Dockerfile dockerfile = Dockerfile.read();
        List<String> command = dockerfile.onBuildFiles(dockerfile.last("HEALTHCHECK").replaceFirst("^.*?CMD\\s+", ""));
        Path output = Files.createTempFile(temp, "healthcheck", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DDB_GITOPS_HEALTHCHECK_PID", Long.toString(pid));
        Process check = builder.start();
        // the HEALTHCHECK's own --timeout is 10 s
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).as("healthcheck finishes").isTrue();
        return check.exitValue();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int status(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
