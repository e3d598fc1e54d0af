package io.ddbgitops.cli;

import io.ddbgitops.reconcile.DeadPeer;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --timeout}: checked before any work, and a run against a dead endpoint ends at it with exit code 1. */
class TimeoutOptionIT {
    @TempDir
    Path temp;

    @Test
    void aMalformedTimeoutIsRejectedBeforeAnyWork() {
        CliRun run = CliRun.of("plan", "--repo", temp.toString(), "--endpoint-url", "http://127.0.0.1:1",
                "--timeout", "soon");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--timeout \"soon\" is not a duration").contains("PT15M");
    }

    @Test
    void planAgainstAnEndpointThatNeverAnswersEndsAtTheTimeoutAndSaysWhatDidNotFinish() throws Exception {
        Path repo = temp.resolve("repo");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            Files.createDirectories(repo.resolve("manifests"));
            Files.writeString(repo.resolve("manifests/orders.yaml"), """
                    apiVersion: prsn.io/v1
                    kind: Dynamodb
                    metadata:
                      name: orders
                    spec:
                      region: "us-east-1"
                      tablename: "Orders"
                      pri_key_attributename: "id"
                      pri_key_attributetype: "S"
                    """, StandardCharsets.UTF_8);
            git.add().addFilepattern("manifests").call();
            git.commit().setMessage("orders").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        try (DeadPeer peer = new DeadPeer()) {
            CliRun run = CliRun.of("plan", "--repo", repo.toString(), "--endpoint-url", peer.endpoint().toString(),
                    "--timeout", "PT2S");

            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("failed").contains("us-east-1/Orders")
                    .contains("timed out: ").contains("--timeout 2s");
        }
    }
}
