package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's ENTRYPOINT, run on the files its COPY instructions take from the build (target/lib and our own
 * jar, mapped back from /opt/ddb-gitops to target/): the layered layout runs the sample like the shaded jar.
 */
class ImageLayoutIT {
    @TempDir
    Path temp;

    @Test
    void theEntrypointRunsOnTheCopiedLayers() throws Exception {
        Dockerfile dockerfile = Dockerfile.read();
        Map<String, String> imageToBuild = new LinkedHashMap<>();
        for (String copy : dockerfile.all("COPY")) {
            String[] parts = copy.replace("--from=build ", "").split(" ");
            imageToBuild.put(parts[1], Path.of(parts[0].replaceFirst("^/src/", "")).toAbsolutePath().toString()
                    + (parts[1].endsWith("/") ? "/" : ""));
        }
        String[] entrypoint = new ObjectMapper().readValue(dockerfile.last("ENTRYPOINT"), String[].class);
        List<String> arguments = Arrays.stream(entrypoint).skip(1).map(arg -> {
            String local = arg;
            for (Map.Entry<String, String> e : imageToBuild.entrySet()) {
                local = local.replace(e.getKey(), e.getValue());
            }
            return local;
        }).collect(java.util.stream.Collectors.toList());
        arguments.addAll(List.of("apply", "--local"));
        assertThat(String.join(" ", arguments)).doesNotContain("/opt/");

        Path work = Files.createDirectories(temp.resolve("work"));
        Path log = temp.resolve("apply.log");
        Process apply = ShadedJar.java(arguments, work, Files.createDirectories(temp.resolve("tmp")), log);
        assertThat(apply.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(apply.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("Applied: 3 tables");
        assertThat(work.resolve("ddb-gitops-report/REPORT.md")).isRegularFile();
    }
}
