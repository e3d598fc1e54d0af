package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --version prints the version and commit the build wrote, not "dev". */
class VersionTest {
    @Test
    void printsTheBuildsVersionAndCommit() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).matches("ddb-gitops \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,}|unknown)"
                + "( \\(with uncommitted changes\\))?\\)");
        if (Files.exists(Path.of(".git"))) {
            assertThat(run.out()).as("built in a git checkout").containsPattern("commit [0-9a-f]{7,}");
        }
    }
}
