package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What fails for every table is checked once before the first: credentials, and an endpoint that answers. */
class PreflightIT {
    @TempDir
    Path home;

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anEndpointThatRefusesConnectionsFailsOnceWithOneLine() throws Exception {
        String endpoint = "http://127.0.0.1:" + closedPort();

        long started = System.nanoTime();
        CliRun run = CliRun.of("apply", "--repo", "sample-repo", "--no-push", "--endpoint-url", endpoint);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("PreflightIT: refused endpoint reported after " + millis + " ms");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().toList()).as(run.err()).containsExactly(
                "error: cannot reach DynamoDB at " + endpoint + ": Connection refused (is the endpoint running? "
                        + "check --endpoint-url)");
        assertThat(run.out()).as("no table was tried").doesNotContain("failed").doesNotContain("Apply:");
    }

    @Test
    void theProbeRunsBesideTheCloneButItsFailureIsStillTheOneLine() throws Exception {
        // the clone fails too (an empty folder is no repository); the probe, run beside it, is what is printed
        String endpoint = "http://127.0.0.1:" + closedPort();
        Path notARepository = java.nio.file.Files.createDirectories(home.resolve("empty"));

        CliRun run = CliRun.of("plan", "--repo", notARepository.toUri().toString(), "--endpoint-url", endpoint);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().toList()).as(run.err()).containsExactly(
                "error: cannot reach DynamoDB at " + endpoint + ": Connection refused (is the endpoint running? "
                        + "check --endpoint-url)");
    }

    @Test
    void noCredentialsAgainstAwsIsOneLineNamingTheChainAndWhatToSet() throws Exception {
        ChildJvm run = ChildJvm.run(home, Map.of("AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true"),
                List.of(), "plan", "--repo", "sample-repo");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        List<String> errors = run.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(errors.get(0)).startsWith("error: no AWS credentials: the SDK's default credential chain")
                .contains("AWS_PROFILE").contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
                .contains("AWS_WEB_IDENTITY_TOKEN_FILE");
        assertThat(run.out()).doesNotContain("Plan:");
    }

    @Test
    void placeholderCredentialsNeverGoToAnAwsEndpoint() throws Exception {
        ChildJvm run = ChildJvm.run(home, Map.of("AWS_EC2_METADATA_DISABLED", "true"), List.of(),
                "plan", "--repo", "sample-repo", "--endpoint-url", "https://dynamodb.us-east-1.amazonaws.com");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("error: no AWS credentials");
    }
}
