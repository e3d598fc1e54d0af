package io.ddbgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run starts no process: JGit would otherwise run {@code git --version}, {@code git config --system} and
 * {@code sh -c umask} at its first use. The run's PATH holds only a {@code git} and an {@code sh} that note being
 * called; the repository is read and validated all the same.
 */
class NoSpawnIT {
    @TempDir
    Path dir;

    @Test
    void readsARepositoryWithoutStartingGitOrAShell() throws Exception {
        Path bare = ValidateMemoryIT.repositoryWithManifests(dir.resolve("config.git"), 3);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path called = dir.resolve("called.txt");
        for (String tool : List.of("git", "sh")) {
            Path fake = bin.resolve(tool);
            Files.writeString(fake, "#!/bin/dash\necho " + tool + " \"$@\" >> " + called + "\nexit 1\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        CliProcess run = CliProcess.start(CliProcess.Launch.CLASSES, dir, dir.resolve("tmp"),
                Map.of("PATH", bin.toString()), List.of("validate", "--repo", bare.toUri().toString()));
        int exit = run.waitFor(Duration.ofMinutes(2));

        assertThat(run.out()).as(run.err()).contains("1 valid manifest(s), 2 invalid");
        assertThat(exit).isEqualTo(3);
        assertThat(called).doesNotExist();
    }
}
