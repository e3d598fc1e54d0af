package io.ddbgitops.deploy;

import io.ddbgitops.local.LocalEndpoint;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's ENTRYPOINT, run on the files its COPY instructions take from the build (target/lib and our own
 * jar, mapped back from /opt/ddb-gitops to target/): the layered layout validates and plans the sample against an
 * endpoint, carries nothing that only the local endpoint or the tests need, and refuses --local with one clear line.
 * Run it after {@code rm -rf target}: copy-dependencies never removes a jar a previous build left in target/lib.
 */
class ImageLayoutIT {
    /** Libraries of the tests and of DynamoDB Local (with its Jetty and sqlite4java), by jar name in target/lib. */
    private static final Pattern NOT_FOR_PRODUCTION = Pattern.compile(
            "(mockito|hamcrest|objenesis|junit|assertj|opentest4j|apiguardian|DynamoDBLocal|sqlite4java|jetty|antlr)"
                    + ".*\\.jar|.*\\.(so|dll|dylib)");

    @TempDir
    Path temp;

    @Test
    void theEntrypointRunsOnTheCopiedLayers() throws Exception {
        Dockerfile dockerfile = Dockerfile.read();
        List<String> entrypoint = dockerfile.onBuildFiles(dockerfile.last("ENTRYPOINT"));
        List<String> arguments = withArchive(entrypoint.subList(1, entrypoint.size()));
        assertThat(String.join(" ", arguments)).doesNotContain("/opt/");

        // the image leaves DynamoDB Local out: it validates and plans against an endpoint, and refuses --local
        Path repo = sampleRepo();
        Run validate = run(arguments, "validate", "--repo", repo.toString());
        assertThat(validate.exit()).as(validate.log()).isZero();
        assertThat(validate.log()).contains("3 valid manifest(s), 0 invalid");
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty())) {
            Run plan = run(arguments, "plan", "--repo", repo.toString(), "--endpoint-url",
                    endpoint.endpoint().toString());
            assertThat(plan.exit()).as(plan.log()).isEqualTo(2);
            assertThat(plan.log()).contains("Plan: 3 tables");
        }
        Run local = run(arguments, "apply", "--local");
        assertThat(local.exit()).isEqualTo(1);
        assertThat(local.log().lines().filter(l -> !l.startsWith("Picked up ")))
                .as("one line (a JVM's own notice aside)").containsExactly("error: --local needs the full jar (ddb-gitops.jar): this build "
                + "(the slim jar, or the container image) has no local endpoint. Point --endpoint-url at a running "
                + "endpoint instead");
    }

    @Test
    void theImageCarriesNeitherTheLocalEndpointNorTestLibraries() throws Exception {
        Path ourJar = copied("/opt/ddb-gitops/ddb-gitops.jar");
        try (ZipFile jar = new ZipFile(ourJar.toFile())) {
            assertThat(jar.getEntry("io/ddbgitops/cli/Main.class")).isNotNull();
            assertThat(jar.getEntry("schemas/dynamodb-v1.schema.json")).isNotNull();
            assertThat(jar.stream().map(ZipEntry::getName)).as("entries of " + ourJar)
                    .noneMatch(n -> n.startsWith("io/ddbgitops/local/") || n.startsWith("native/")
                            || n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"));
        }
        // the plain jar, which the full shaded jar is made of, keeps them
        try (ZipFile plain = new ZipFile("target/original-ddb-gitops.jar")) {
            assertThat(plain.getEntry("io/ddbgitops/local/LocalEndpoint.class")).isNotNull();
        }
        Path lib = copied("/opt/ddb-gitops/lib/");
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertThat(names).contains("picocli-" + picocli.CommandLine.VERSION + ".jar")
                    .noneMatch(n -> NOT_FOR_PRODUCTION.matcher(n).matches());
            // the run lease's lock client shares DynamoDB Local's group (com.amazonaws) but stays; SDK v1 goes
            assertThat(names).anyMatch(n -> n.startsWith("dynamodb-lock-client-"))
                    .noneMatch(n -> n.startsWith("aws-java-sdk-") || n.startsWith("jmespath-java-"));
        }
    }

    /** The build file the final stage's COPY puts at {@code imagePath}. */
    private static Path copied(String imagePath) throws Exception {
        Dockerfile dockerfile = Dockerfile.read();
        return Path.of(dockerfile.onBuildFiles("[\"" + imagePath + "\"]").get(0));
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
