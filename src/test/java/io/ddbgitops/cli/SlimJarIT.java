package io.ddbgitops.cli;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import io.ddbgitops.local.LocalEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production (slim) jar, run as the image runs it: it has none of the local endpoint's weight, still plans
 * against an endpoint started from the full class path, and says clearly that --local needs the full jar.
 */
class SlimJarIT {
    private static final Path SLIM = Path.of("target", "ddb-gitops-slim.jar");

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    @Test
    void leavesOutTheLocalEndpointsWeight() throws Exception {
        try (ZipFile jar = new ZipFile(SLIM.toFile())) {
            assertThat(jar.getEntry("io/ddbgitops/cli/Main.class")).isNotNull();
            // com.amazonaws is both DynamoDB Local (with AWS SDK v1) and the run lease's lock client: only the
            // lock client's own classes may be here
            Set<String> lockClient = entriesOf(AmazonDynamoDBLockClient.class);
            assertThat(jar.getEntry("com/amazonaws/services/dynamodbv2/AmazonDynamoDBLockClient.class")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/amazonaws/"))
                    .filter(n -> !n.endsWith("/"))).isNotEmpty().allMatch(lockClient::contains);
            assertThat(jar.stream().map(e -> e.getName())).noneMatch(n -> n.startsWith("org/eclipse/jetty/") || n.startsWith("com/almworks/") || n.startsWith("native/")
                    || n.startsWith("org/mockito/") || n.startsWith("org/hamcrest/") || n.startsWith("io/ddbgitops/local/"));
        }
        assertThat(Files.size(SLIM)).isLessThan(Files.size(Path.of("target", "ddb-gitops.jar")) / 2);
    }

    @Test
    void printsItsVersionAndPlansAgainstAnEndpoint() throws Exception {
        Run version = slim("--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("ddb-gitops ");

        try (SampleRepo.Checkout sample = SampleRepo.open(Optional.of(temp.resolve("data")));
             LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                     .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                     .build()) {
            Run plan = slim("plan", "--repo", sample.bare().toString(), "--endpoint-url", endpoint.endpoint().toString());
            assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(2);
            assertThat(plan.out()).contains("Plan: 3 tables");
            assertThat(plan.err()).doesNotContain("Exception");
            assertThat(client.listTables().tableNames()).as("plan never writes").isEmpty();
        }
    }

    /** The lease's lock client is in the slim jar and works there: an apply takes the lease and releases it. */
    @Test
    void appliesWithTheLease() throws Exception {
        try (SampleRepo.Checkout sample = SampleRepo.open(Optional.of(temp.resolve("apply")));
             LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                     .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                     .build()) {
            Run apply = slim("apply", "--repo", sample.bare().toString(), "--endpoint-url",
                    endpoint.endpoint().toString());
            assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
            assertThat(apply.err()).contains("took the lease").doesNotContain("Exception");
            assertThat(client.scan(r -> r.tableName("ddb-gitops-locks")).items()).as("released").isEmpty();
        }
    }

    private static Set<String> entriesOf(Class<?> type) throws Exception {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> e.getName()).collect(Collectors.toSet());
        }
    }

    @Test
    void refusesLocalWithAClearMessage() throws Exception {
        Run local = slim("plan", "--local");
        assertThat(local.exit()).isEqualTo(1);
        assertThat(local.err().strip()).isEqualTo("error: --local " + LocalEngine.NEEDS_FULL_JAR);

        Run endpoint = slim("local-endpoint", "--port", "0");
        assertThat(endpoint.exit()).isEqualTo(1);
        assertThat(endpoint.err()).contains("local-endpoint needs the full jar");
    }

    private Run slim(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", SLIM.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // no credential chain lookups beyond loopback (instance metadata); the endpoint accepts any keys
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "slim");
        env.put("AWS_SECRET_ACCESS_KEY", "slim");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("slim jar did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
