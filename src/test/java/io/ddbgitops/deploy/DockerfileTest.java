package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The image, checked from its Dockerfile (no Docker engine here; ImageLayoutIT runs its command). */
class DockerfileTest {
    private static final Pattern LABEL = Pattern.compile("([a-z0-9.-]+)=\"([^\"]*)\"");

    @Test
    void runsAsANumericNonRootUser() throws IOException {
        String user = Dockerfile.read().last("USER");
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        // The Kubernetes manifests run as the same user.
        assertThat(user).startsWith("10001");
    }

    @Test
    void carriesOciLabelsFromBuildArguments() throws IOException {
        Dockerfile dockerfile = Dockerfile.read();
        List<String> args = dockerfile.all("ARG").stream().map(a -> a.split("=")[0]).toList();
        List<String> labels = new ArrayList<>();
        for (String label : dockerfile.all("LABEL")) {
            Matcher m = LABEL.matcher(label);
            while (m.find()) {
                labels.add(m.group(1));
                if (List.of("org.opencontainers.image.version", "org.opencontainers.image.revision",
                        "org.opencontainers.image.source").contains(m.group(1))) {
                    String arg = m.group(2).replaceAll("^\\$\\{(\\w+)}$", "$1");
                    assertThat(args).as(m.group(1) + " comes from a build argument").contains(arg);
                }
            }
        }
        assertThat(labels).contains("org.opencontainers.image.version", "org.opencontainers.image.revision",
                "org.opencontainers.image.source");
    }

    @Test
    void basesAreTaggedAndTheEntrypointIsExecForm() throws IOException {
        Dockerfile dockerfile = Dockerfile.read();
        dockerfile.instructions().stream().filter(i -> i.keyword().equals("FROM")).forEach(from -> {
            String image = from.arguments().split(" ")[0];
            assertThat(image).contains(":").doesNotEndWith(":latest");
        });
        String[] entrypoint = new ObjectMapper().readValue(dockerfile.last("ENTRYPOINT"), String[].class);
        assertThat(entrypoint).startsWith("java").contains("io.ddbgitops.cli.Main");
    }

    @Test
    void librariesAndOurClassesAreSeparateLayersLibrariesFirst() throws IOException {
        List<String> copies = Dockerfile.read().all("COPY");
        assertThat(copies).hasSize(3);
        assertThat(copies.get(0)).contains("target/lib/");
        // our classes without the local endpoint (maven-jar-plugin's app-without-local-endpoint execution)
        assertThat(copies.get(1)).contains("target/ddb-gitops-app.jar");
        assertThat(copies.get(2)).startsWith("deploy/docker/healthcheck.sh ");
    }

    @Test
    void checksTheHealthOfServeWithTheCopiedScript() throws IOException {
        Dockerfile dockerfile = Dockerfile.read();
        String healthcheck = dockerfile.last("HEALTHCHECK");
        Matcher exec = Pattern.compile("(.*?)\\s*CMD\\s+(\\[.*])").matcher(healthcheck);
        assertThat(exec.matches()).as("exec form: " + healthcheck).isTrue();
        assertThat(exec.group(1)).contains("--interval=").contains("--timeout=").contains("--start-period=")
                .contains("--retries=");
        String[] command = new ObjectMapper().readValue(exec.group(2), String[].class);
        assertThat(command).startsWith("/bin/bash");
        // the script it runs is one the image copies in
        String script = command[1];
        assertThat(dockerfile.all("COPY")).anyMatch(copy -> copy.endsWith(" " + script));
        assertThat(dockerfile.onBuildFiles(exec.group(2)).get(1)).endsWith("deploy/docker/healthcheck.sh");
        // serve's default health port, which the script assumes when --health-port is not given
        assertThat(dockerfile.all("EXPOSE")).contains("8080");
    }
}
