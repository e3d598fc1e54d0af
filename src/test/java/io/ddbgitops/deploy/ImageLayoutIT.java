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
        arguments = withArchive(arguments);
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

    /**
     * The image makes its AppCDS archive at build time with its own JVM (an archive fits only the JVM and class path
     * it was made with); here one is made the same way for this JVM and the copied layers, and -Xshare:on makes the
     * JVM fail rather than start without it, so the runs below prove that the entrypoint maps it.
     */
    private List<String> withArchive(List<String> entrypoint) throws Exception {
        String option = "-XX:SharedArchiveFile=";
        String image = entrypoint.stream().filter(a -> a.startsWith(option)).findFirst().orElseThrow();
        assertThat(image).isEqualTo(option + "/opt/ddb-gitops/ddb-gitops.jsa");
        Path archive = temp.resolve("ddb-gitops.jsa");
        List<String> training = entrypoint.stream()
                .map(a -> a.equals(image) ? "-XX:ArchiveClassesAtExit=" + archive : a).toList();
        Run trained = run(training, "plan", "--repo", temp.toString(), "--endpoint-url", "http://127.0.0.1:9");
        assertThat(trained.exit()).as(trained.log()).isEqualTo(1);
        assertThat(archive).isNotEmptyFile();
        List<String> arguments = new java.util.ArrayList<>();
        for (String a : entrypoint) {
            arguments.add(a.equals(image) ? option + archive : a);
            if (a.equals(image)) {
                arguments.add("-Xshare:on");
            }
        }
        return arguments;
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
