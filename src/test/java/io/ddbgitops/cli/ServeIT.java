package io.ddbgitops.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** serve in its own JVM, as a CronJob-less deployment runs it: it applies on schedule and stops cleanly on SIGTERM. */
class ServeIT {
    @TempDir
    Path temp;

    @Test
    void appliesOnItsScheduleAndStopsOnTerminate() throws Exception {
        Path data = temp.resolve("data");
        Path log = temp.resolve("serve.log");
        Process serve = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--local", "--data-dir", data.toString(), "--cron", "* * * * * ?"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Path repo = data.resolve("sample-repo.git");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (reportCommits(repo) == 0 && serve.isAlive() && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertThat(reportCommits(repo)).as(Files.readString(log)).isEqualTo(1);
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).contains("serving: apply on").contains("Applied: 3 tables")
                .contains("--cron read as Quartz cron `* * * * * ?`");
    }

    private static int reportCommits(Path bare) throws Exception {
        if (!Files.isDirectory(bare.resolve("refs"))) {
            return 0;
        }
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
        }
    }
}
