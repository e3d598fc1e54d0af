package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serve Deployment's probe command, run against a real {@code serve} (the shaded jar in its own JVM): it
 * succeeds once the scheduler runs and fails once the process is gone. In the container the JVM is PID 1.
 */
class ServeProbeIT {
    @TempDir
    Path temp;

    @Test
    void theProbeSeesTheSchedulerOfALiveServeAndFailsWithoutIt() throws Exception {
        JsonNode container = Yaml.read(Path.of("deploy/kubernetes/serve-deployment.yaml"))
                .at("/spec/template/spec/containers/0");
        List<String> probe = new ArrayList<>();
        container.at("/livenessProbe/exec/command").forEach(part -> probe.add(part.asText()));
        assertThat(container.at("/readinessProbe/exec/command").toString())
                .isEqualTo(container.at("/livenessProbe/exec/command").toString());

        Path log = temp.resolve("serve.log");
        Process serve = ShadedJar.start(temp, Files.createDirectories(temp.resolve("tmp")), log,
                "serve", "--local", "--data-dir", temp.resolve("data").toString(), "--cron", "0 0 0 1 1 ? 2099");
        List<String> forThisProcess = probe.stream().map(p -> p.replace("/proc/1/", "/proc/" + serve.pid() + "/"))
                .toList();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (run(forThisProcess) != 0 && serve.isAlive() && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertThat(run(forThisProcess)).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("serving: apply on");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(run(forThisProcess)).as("the probe fails once serve is gone").isNotZero();
    }

    private static int run(List<String> command) throws Exception {
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor();
    }
}
