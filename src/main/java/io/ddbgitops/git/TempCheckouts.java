package io.ddbgitops.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary directories clones live in. Each carries a marker file naming the process that made it, and a
 * shutdown hook removes it when the JVM is stopped (SIGTERM, Ctrl-C) before the run closes it. A kill -9 runs no
 * hook, so every new directory first sweeps the leftovers of earlier runs: only directories that carry our
 * marker, belong to this user, were made before this process started, and whose process is gone.
 */
final class TempCheckouts {
    static final String PREFIX = "ddb-gitops-";
    static final String MARKER = ".ddb-gitops-checkout";
    private static final Logger LOG = LoggerFactory.getLogger(TempCheckouts.class);
    private static final ProcessHandle SELF = ProcessHandle.current();

    private TempCheckouts() {}

    /** A new private directory under java.io.tmpdir with our marker, after sweeping the leftovers there. */
    static Path create() throws GitException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Path dir = Files.createTempDirectory(PREFIX);
            restrictToOwner(dir);
            writeMarker(dir, SELF.pid(), startOf(SELF).map(Instant::toString).orElse(""));
            sweep(root, Files.getOwner(dir), startOf(SELF).orElse(Instant.now()));
            return dir;
        } catch (IOException e) {
            throw new GitException("Could not create a temporary directory for the clone in " + root + ": " + e.getMessage());
        }
    }

    /** Marks {@code dir} as the clone of process {@code pid}, which started at {@code started}. */
    static void writeMarker(Path dir, long pid, String started) throws IOException {
        Properties marker = new Properties();
        marker.setProperty("pid", Long.toString(pid));
        marker.setProperty("started", started);
        try (var out = Files.newBufferedWriter(dir.resolve(MARKER), StandardCharsets.UTF_8)) {
            marker.store(out, "a ddb-gitops clone; removed when its run ends, or by a later run if it was killed");
        }
    }

    /** Removes the leftovers of killed runs under {@code root}; returns what it removed. */
    static List<Path> sweep(Path root, UserPrincipal owner, Instant thisRunStarted) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (isLeftover(dir, owner, thisRunStarted)) {
                    delete(dir);
                    removed.add(dir);
                    LOG.info("removed the temporary clone {} that a killed run left behind", dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not look for leftover temporary clones in {}: {}", root, e.getMessage());
        }
        return removed;
    }

    private static boolean isLeftover(Path dir, UserPrincipal owner, Instant thisRunStarted) throws IOException {
        Path marker = dir.resolve(MARKER);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
                || !owner.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))
                || !Files.getLastModifiedTime(marker, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(thisRunStarted)) {
            return false;
        }
        Properties recorded = new Properties();
        try (var in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            recorded.load(in);
        } catch (IllegalArgumentException e) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(recorded.getProperty("pid", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        // alive and the same process (not a reused pid): a concurrent run, leave its clone alone
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive()
                || !startOf(process.get()).map(Instant::toString).orElse("?").equals(recorded.getProperty("started"));
    }

    /** Removes {@code dir} when the JVM is stopped before {@link #release} is called; returns the hook to release. */
    static Thread removeOnShutdown(Path dir) throws GitException {
        Thread hook = new Thread(() -> delete(dir), "ddb-gitops-remove-" + dir.getFileName());
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            delete(dir);
            throw new GitException("Not cloning: the process is shutting down");
        }
        return hook;
    }

    /** The run closed its directory itself: the hook is not needed any more (and is not kept for serve's next run). */
    static void release(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook runs (or ran): nothing to release
        }
    }

    /**
     * Deletes {@code dir}, the marker last: if a run still writing into it (during shutdown) recreates something, the
     * marker stays and the next run sweeps what remains. Symbolic links are removed, never followed.
     */
    static void delete(Path dir) {
        Path marker = dir.resolve(MARKER);
        String problem = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(marker) && !p.equals(dir)) {
                        Files.deleteIfExists(p);
                    }
                }
                if (onlyMarkerLeft(dir, marker)) {
                    Files.deleteIfExists(marker);
                    Files.deleteIfExists(dir);
                    return;
                }
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException | RuntimeException e) {
                problem = ": " + e.getMessage();
            }
        }
        LOG.warn("could not delete the temporary clone {}{}", dir, problem);
    }

    private static boolean onlyMarkerLeft(Path dir, Path marker) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            return left.allMatch(marker::equals);
        }
    }

    private static void restrictToOwner(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: createTempDirectory already made it as private as the platform allows
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
