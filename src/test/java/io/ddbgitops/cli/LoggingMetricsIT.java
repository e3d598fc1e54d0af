package io.ddbgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch run as a log collector and Prometheus see it: JSON log lines on stderr, the metrics textfile, and a push
 * to a Pushgateway (a loopback HTTP server that records what it was sent).
 */
class LoggingMetricsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");

    private static final String PASSWORD = "pushgateway-s3cret";

    @TempDir
    Path temp;

    record Pushed(String method, String path, String contentType, String authorization, String body) {
    }

    @Test
    void applyLogsJsonLinesAndLeavesItsMetricsInATextfileAndOnThePushgateway() throws Exception {
        List<Pushed> pushed = new CopyOnWriteArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", ex -> {
            pushed.add(new Pushed(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Authorization"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        gateway.start();
        int gatewayPort = gateway.getAddress().getPort();
        CliJvm run;
        try {
            run = CliJvm.run(temp, "apply", "--local", "--no-push", "--log-format", "json",
                    "--metrics-file", temp.resolve("textfile/ddb-gitops.prom").toString(),
                    "--pushgateway", "http://ops:" + PASSWORD + "@127.0.0.1:" + gateway.getAddress().getPort());
        } finally {
            gateway.stop(0);
        }
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Applied: 3 tables");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.err().split("\n")) {
            lines.add(JSON.readTree(line)); // every line on stderr is one JSON object
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.isObject()).isTrue();
            assertThat(OffsetDateTime.parse(line.get("time").asText())).isNotNull();
            assertThat(line.get("level").asText()).isIn("INFO", "WARN", "ERROR", "DEBUG");
            assertThat(line.get("logger").asText()).isNotBlank();
            assertThat(line.get("message").asText()).isNotBlank();
            assertThat(line.has("thread_name")).isFalse();
        });
        Set<String> runIds = lines.stream().filter(l -> l.has("run_id")).map(l -> l.get("run_id").asText())
                .collect(Collectors.toSet());
        assertThat(runIds).hasSize(1).allMatch(id -> id.matches("[0-9a-f-]{36}"));
        // tables run on their own threads (--parallelism): each of their lines still carries the run's id
        assertThat(lines).filteredOn(l -> l.has("table")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("run_id").asText()).isEqualTo(runIds.iterator().next()));
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("table").asText()).isEqualTo("us-east-1/Orders");
            assertThat(l.get("message").asText()).contains("create table us-east-1/Orders");
            assertThat(l.get("logger").asText()).isEqualTo("io.ddbgitops.aws.DynamoDbApplier");
        });
        // the sample's three tables, each named on its own lines
        assertThat(lines.stream().map(l -> l.path("table").asText()).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet())).hasSize(3).contains("us-east-1/Orders", "eu-west-1/Sessions");

        Map<String, Double> textfile = samples(Files.readString(temp.resolve("textfile/ddb-gitops.prom")));
        assertThat(textfile).containsEntry("ddbgitops_runs_total{mode=\"apply\",outcome=\"ok\"}", 1.0)
                .containsEntry("ddbgitops_tables{status=\"created\"}", 3.0)
                // The lease's calls are AWS calls like any other (they are billed and count against the same quotas),
                // so the counter has them: the first apply creates the lock table beside the sample's three, takes
                // the gate and then the lease (PutItem each), looks for other shard counts' leases (Scan), and releases
                // both (DeleteItem each). Tables by status are the report's only.
                .containsEntry("ddbgitops_aws_api_calls_total{operation=\"CreateTable\",service=\"DynamoDb\"}", 4.0)
                .containsEntry("ddbgitops_aws_api_calls_total{operation=\"PutItem\",service=\"DynamoDb\"}", 2.0)
                .containsEntry("ddbgitops_aws_api_calls_total{operation=\"Scan\",service=\"DynamoDb\"}", 1.0)
                .containsEntry("ddbgitops_aws_api_calls_total{operation=\"DeleteItem\",service=\"DynamoDb\"}", 2.0)
                .containsEntry("ddbgitops_last_run_exit_code{mode=\"apply\"}", 0.0)
                .containsEntry("ddbgitops_run_duration_seconds_count{mode=\"apply\"}", 1.0)
                .containsKey("ddbgitops_last_run_timestamp_seconds{mode=\"apply\"}");
        try (var files = Files.list(temp.resolve("textfile"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ddb-gitops.prom");
        }

        assertThat(pushed).hasSize(1);
        Pushed push = pushed.get(0);
        assertThat(push.method()).isEqualTo("PUT");
        assertThat(push.path()).isEqualTo("/metrics/job/ddb-gitops");
        assertThat(push.contentType()).startsWith("text/plain");
        assertThat(push.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD)
                .contains("metrics pushed to http://127.0.0.1:" + gatewayPort);
        assertThat(samples(push.body())).containsEntry("ddbgitops_runs_total{mode=\"apply\",outcome=\"ok\"}", 1.0)
                .containsEntry("ddbgitops_tables{status=\"created\"}", 3.0);
    }

    @Test
    void quietKeepsOnlyWarningsAndTextLinesLookAsBefore() throws Exception {
        CliJvm normal = CliJvm.run(temp, "plan", "--local");
        assertThat(normal.exit()).as(normal.err()).isEqualTo(2);
        assertThat(normal.err()).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d \\[INFO] Reconciler - cloned main");

        CliJvm quiet = CliJvm.run(temp, "plan", "--local", "--quiet");
        assertThat(quiet.exit()).as(quiet.err()).isEqualTo(2);
        assertThat(quiet.err()).doesNotContain("[INFO]");
        assertThat(quiet.out()).contains("Plan: 3 tables");

        CliJvm both = CliJvm.run(temp, "plan", "--local", "--quiet", "--verbose");
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.err()).contains("--verbose and --quiet exclude each other");
    }

    /** The Prometheus text format's samples, keyed by name and labels as written. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(4)));
        }
        return samples;
    }
}
