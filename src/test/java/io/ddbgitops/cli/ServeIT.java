package io.ddbgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.ddbgitops.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** serve in its own JVM, as a CronJob-less deployment runs it: it applies on schedule and stops cleanly on SIGTERM. */
class ServeIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @TempDir
    Path temp;

    @Test
    void appliesOnItsScheduleAndStopsOnTerminate() throws Exception {
        Path data = temp.resolve("data");
        Path log = temp.resolve("serve.log");
        Process serve = new ProcessBuilder(CliJvm.command("serve", "--local", "--data-dir", data.toString(),
                "--cron", "* * * * * ?", "--health-port", "0", "--health-bind", "127.0.0.1"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Path repo = data.resolve("sample-repo.git");
            Poll.until(Duration.ofMinutes(2), () -> reportCommits(repo) > 0 || !serve.isAlive(),
                    () -> Files.readString(log));
            assertThat(reportCommits(repo)).as(Files.readString(log)).isEqualTo(1);

            URI health = healthUri(log);
            assertThat(get(health.resolve("/healthz"))).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("ok\n");
            });
            assertThat(get(health.resolve("/readyz")).statusCode()).isEqualTo(200);
            // the commit lands before the run is counted, and a run's counter before its tables' gauge (which each
            // run of this every-second schedule clears and sets again): poll for every line, never one at a time
            HttpResponse<String> metrics = Poll.until(Duration.ofMinutes(2), () -> get(health.resolve("/metrics")),
                    r -> r.body().contains("ddbgitops_runs_total{mode=\"apply\",outcome=\"ok\"}")
                            && r.body().contains("ddbgitops_tables{status="), () -> Files.readString(log));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("ddbgitops_runs_total{mode=\"apply\",outcome=\"ok\"}")
                    .contains("ddbgitops_aws_api_calls_total{operation=\"CreateTable\",service=\"DynamoDb\"}")
                    .contains("# TYPE ddbgitops_run_duration_seconds histogram")
                    .contains("ddbgitops_tables{status=");
            // the last run is recorded after the counter too
            JsonNode status = Poll.until(Duration.ofMinutes(2),
                    () -> new ObjectMapper().readTree(get(health.resolve("/status")).body()),
                    s -> s.at("/last_run/outcome").isTextual(), () -> Files.readString(log));
            assertThat(status.get("ready").asBoolean()).isTrue();
            assertThat(status.at("/last_run/outcome").asText()).isIn("ok", "differences");
            assertThat(Instant.parse(status.at("/last_run/finished").asText())).isBefore(Instant.now());
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
        // the JVM reports a stop by SIGTERM as 128 + 15 once its shutdown hooks have finished
        assertThat(serve.exitValue()).isEqualTo(143);
        assertThat(Files.readString(log)).contains("serving: apply on").contains("Applied: 3 tables")
                .contains("--cron read as Quartz cron `* * * * * ?`")
                .contains("stopping on SIGTERM after the current run").containsPattern("ServeCommand - stopped\\R");
    }

    private static URI healthUri(Path log) throws Exception {
        Matcher m = Pattern.compile("health and metrics on (http://127\\.0\\.0\\.1:\\d+/)").matcher(Files.readString(log));
        assertThat(m.find()).as(Files.readString(log)).isTrue();
        return URI.create(m.group(1));
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int reportCommits(Path bare) throws Exception {
        if (!Files.isDirectory(bare.resolve("refs"))) {
            return 0;
        }
        // serve may be creating the repository right now: a folder that is not a repository yet holds no commit
        try (Git git = Git.open(bare.toFile())) {
            var head = git.getRepository().resolve("refs/heads/main");
            if (head == null) {
                return 0;
            }
            int count = 0;
            for (var commit : git.log().add(head).call()) {
                if (commit.getShortMessage().startsWith("ddb-gitops:")) {
                    count++;
                }
            }
            return count;
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException notYet) {
            return 0;
        }
    }
}
