package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI, a client we do not control, run against a local endpoint in us-east-1 with placeholder credentials
 * and its config and credential files in {@code home} (never the user's). Tests skip where no {@code aws} is on PATH.
 */
public final class AwsCli {
    private static final long TIMEOUT_SECONDS = 60;

    private final URI endpoint;
    private final Path home;
    private final String accessKey;

    public AwsCli(URI endpoint, Path home) {
        this(endpoint, home, "AKIDCLI");
    }

    private AwsCli(URI endpoint, Path home, String accessKey) {
        this.endpoint = endpoint;
        this.home = home;
        this.accessKey = accessKey;
    }

    /** The same CLI signing with this access key id (12 digits: that account on the local endpoint). */
    public AwsCli withAccessKey(String key) {
        return new AwsCli(endpoint, home, key);
    }

    public record Result(int exitCode, String stdout, String stderr) {}

    /** The {@code aws} executable on PATH, if any. */
    public static Optional<Path> find() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "aws"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Runs {@code aws ARGS} and returns its JSON output; fails the test when it exits non-zero. */
    public JsonNode json(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertThat(result.exitCode()).as("aws %s failed: %s", String.join(" ", args), result.stderr()).isZero();
        return new ObjectMapper().readTree(result.stdout());
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(find().orElseThrow().toString()));
        command.addAll(Arrays.asList(args));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", "dummy-secret");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Path stdout = home.resolve("stdout-" + System.nanoTime());
        Path stderr = home.resolve("stderr-" + System.nanoTime());
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + "s");
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
