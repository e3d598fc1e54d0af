package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbgitops.local.LocalEndpoint;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's ENTRYPOINT, run on the files its COPY instructions take from the build (target/lib and our own
 * jar, mapped back from /opt/ddb-gitops to target/): the layered layout plans the sample against an endpoint, and,
 * without DynamoDB Local in target/lib, refuses --local with one clear line.
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
        assertThat(String.join(" ", arguments)).doesNotContain("/opt/");

        // the image leaves DynamoDB Local out: it plans against an endpoint, and refuses --local in one line
        Path repo = sampleRepo();
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty())) {
            Run plan = run(arguments, "plan", "--repo", repo.toString(), "--endpoint-url",
                    endpoint.endpoint().toString());
            assertThat(plan.exit()).as(plan.log()).isEqualTo(2);
            assertThat(plan.log()).contains("Plan: 3 tables");
        }
        Run local = run(arguments, "apply", "--local");
        assertThat(local.exit()).isEqualTo(1);
        assertThat(local.log()).contains("error: --local needs the full jar (ddb-gitops.jar)");
    }

    record Run(int exit, String log) {
    }

    /** The bundled sample, committed to a repository of its own. */
    private Path sampleRepo() throws Exception {
        Path repo = temp.resolve("config");
        Path source = Path.of("sample-repo").toAbsolutePath();
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = repo.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("sample").setAuthor("t", "t@localhost").setCommitter("t", "t@localhost")
                    .setSign(false).call();
        }
        return repo;
    }

    private Run run(List<String> entrypoint, String... args) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(entrypoint);
        arguments.addAll(List.of(args));
        Path work = Files.createDirectories(temp.resolve("work-" + args[0]));
        Path log = temp.resolve(args[0] + ".log");
        Process process = ShadedJar.java(arguments, work, Files.createDirectories(temp.resolve("tmp")), log);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }
}
