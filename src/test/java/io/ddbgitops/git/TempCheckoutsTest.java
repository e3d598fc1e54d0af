package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directories the sweep takes for leftovers of killed runs, and which it must leave alone. */
class TempCheckoutsTest {
    @TempDir
    Path tmp;

    private final Instant thisRunStarted = Instant.now();

    private Path clone(String name, long pid, String started, Instant markedAt) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.createDirectories(dir.resolve("checkout/manifests"));
        Files.writeString(dir.resolve("checkout/manifests/a.yaml"), "kind: Dynamodb\n");
        TempCheckouts.writeMarker(dir, pid, started);
        Files.setLastModifiedTime(dir.resolve(TempCheckouts.MARKER), FileTime.from(markedAt));
        return dir;
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    @Test
    void removesTheCloneOfAProcessThatIsGone() throws Exception {
        Path leftover = clone("ddb-gitops-1", deadPid(), "2026-11-30T10:00:00Z", thisRunStarted.minus(Duration.ofHours(1)));

        assertThat(TempCheckouts.sweep(tmp, Files.getOwner(tmp), thisRunStarted)).containsExactly(leftover);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void leavesTheCloneOfARunningProcessAlone() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        Path live = clone("ddb-gitops-2", self.pid(), self.info().startInstant().orElseThrow().toString(),
                thisRunStarted.minus(Duration.ofHours(1)));

        assertThat(TempCheckouts.sweep(tmp, Files.getOwner(tmp), thisRunStarted)).isEmpty();
        assertThat(live.resolve("checkout/manifests/a.yaml")).exists();
    }

    @Test
    void takesAReusedPidForAProcessThatIsGone() throws Exception {
        Path leftover = clone("ddb-gitops-3", ProcessHandle.current().pid(), "2001-01-01T00:00:00Z",
                thisRunStarted.minus(Duration.ofHours(1)));

        assertThat(TempCheckouts.sweep(tmp, Files.getOwner(tmp), thisRunStarted)).containsExactly(leftover);
    }

    @Test
    void leavesDirectoriesWithoutOurMarkerOrNewerThanThisRunOrLinked() throws Exception {
        Path unmarked = Files.createDirectories(tmp.resolve("ddb-gitops-sample-1"));
        Path newer = clone("ddb-gitops-4", deadPid(), "x", thisRunStarted.plusSeconds(5));
        Path target = clone("elsewhere", deadPid(), "x", thisRunStarted.minus(Duration.ofHours(1)));
        Path link = Files.createSymbolicLink(tmp.resolve("ddb-gitops-link"), target);

        assertThat(TempCheckouts.sweep(tmp, Files.getOwner(tmp), thisRunStarted)).isEmpty();
        assertThat(unmarked).exists();
        assertThat(newer.resolve("checkout")).exists();
        assertThat(link).exists();
        assertThat(target.resolve("checkout")).exists();
    }

    @Test
    void deletesSymbolicLinksInsideACloneWithoutFollowingThem() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "keep");
        Path leftover = clone("ddb-gitops-5", deadPid(), "x", thisRunStarted.minus(Duration.ofHours(1)));
        Files.createSymbolicLink(leftover.resolve("checkout/link"), outside);
        Files.createSymbolicLink(leftover.resolve("checkout/dirlink"), tmp);

        TempCheckouts.delete(leftover);

        assertThat(leftover).doesNotExist();
        assertThat(outside).hasContent("keep");
    }
}
