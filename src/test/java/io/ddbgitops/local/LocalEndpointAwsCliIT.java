package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The AWS CLI, a client we do not control, talks to the endpoint; skipped where no {@code aws} is on PATH. */
class LocalEndpointAwsCliIT {
    private static final long TIMEOUT_SECONDS = 60;
    private static LocalEndpoint endpoint;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(awsCli().isPresent(), "aws CLI not on PATH");
        endpoint = LocalEndpoint.start(0, Optional.empty());
        try (DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("cli-visible").build());
        }
    }

    @AfterAll
    static void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void listsTablesCreatedWithOtherCredentials() throws Exception {
        JsonNode output = aws("dynamodb", "list-tables");
        assertThat(output.path("TableNames").toString()).contains("\"cli-visible\"");
    }

    @Test
    void describesContinuousBackups() throws Exception {
        JsonNode output = aws("dynamodb", "describe-continuous-backups", "--table-name", "cli-visible");
        JsonNode description = output.path("ContinuousBackupsDescription");
        assertThat(description.path("ContinuousBackupsStatus").asText()).isEqualTo("ENABLED");
        assertThat(description.path("PointInTimeRecoveryDescription").path("PointInTimeRecoveryStatus").asText())
                .isEqualTo("DISABLED");
    }

    @Test
    void showsInjectedFaultsAsAwsErrors() throws Exception {
        endpoint.faults().set(FaultPlan.of(1, FaultRule.always(Fault.THROTTLE).onlyFor("ListTables"),
                FaultRule.always(Fault.LIMIT_EXCEEDED).onlyFor("DeleteTable")));
        try {
            Run throttled = run("dynamodb", "list-tables");
            assertThat(throttled.exit()).isNotZero();
            assertThat(throttled.stderr()).contains("An error occurred (ThrottlingException) when calling the"
                    + " ListTables operation").contains("Rate of requests exceeds the allowed throughput.");
            Run limited = run("dynamodb", "delete-table", "--table-name", "cli-visible");
            assertThat(limited.stderr()).contains("(LimitExceededException)")
                    .contains("Only 50 tables can be created, updated, or deleted simultaneously");
            assertThat(endpoint.faults().injected()).containsEntry(Fault.THROTTLE, 1L);
        } finally {
            endpoint.faults().clear();
        }
        assertThat(aws("dynamodb", "list-tables").path("TableNames").toString()).contains("\"cli-visible\"");
    }

    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        Run run = run(args);
        assertThat(run.exit()).as("aws %s failed: %s", String.join(" ", args), run.stderr()).isZero();
        return new ObjectMapper().readTree(run.stdout());
    }

    private record Run(int exit, String stdout, String stderr) {}

    /** One attempt only (AWS_MAX_ATTEMPTS=1), so an injected fault is what the CLI reports. */
    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(awsCli().orElseThrow().toString()));
        command.addAll(Arrays.asList(args));
        command.addAll(List.of("--endpoint-url", endpoint.endpoint().toString(), "--region", "us-east-1",
                "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIDCLI");
        env.put("AWS_SECRET_ACCESS_KEY", "dummy-secret");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_RETRY_MODE", "standard");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Path stdout = home.resolve("stdout-" + System.nanoTime());
        Path stderr = home.resolve("stderr-" + System.nanoTime());
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + "s");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static Optional<Path> awsCli() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "aws"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
