package io.ddbgitops.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes report files into a checkout without ever following a symbolic link. Whoever can push to the
 * repository chooses what the checkout holds: a committed link at {@code drift/} or {@code drift/report.json}
 * would otherwise carry our write to any file the runner can write. So every component of the path is
 * looked at without following links; a link (or a file) where a directory belongs, and a link or a directory
 * where the report file belongs, is removed (the entry itself, never what it points to) and replaced by a real
 * directory or a regular file. The content goes to a fresh temporary file in the same directory, which is then
 * renamed over the target: rename replaces the entry, it does not write through it.
 */
final class CheckoutFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CheckoutFiles.class);
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private CheckoutFiles() {}

    /** Writes {@code content} as a regular file at the repo-relative {@code path} (forward slashes, normal form). */
    static void write(Path root, String path, String content) throws IOException {
        Path target = root.resolve(checked(root, path));
        Path dir = realDirectories(root, target.getParent());
        if (Files.exists(target, NOFOLLOW) && !Files.isRegularFile(target, NOFOLLOW)) {
            replacing(root, target);
        }
        Path temp = Files.createTempFile(dir, ".ddb-gitops-", ".tmp");
        try {
            Files.write(temp, content.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, NOFOLLOW);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The first component of {@code path} (inside {@code root}) that is a symbolic link, if any. */
    static Optional<String> firstLink(Path root, String path) {
        Path current = root;
        for (Path part : Path.of(path)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return Optional.of(root.relativize(current).toString());
            }
        }
        return Optional.empty();
    }

    private static String checked(Path root, String path) throws IOException {
        Optional<String> problem = ReportPaths.problem(root, path);
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        return path;
    }

    /** Makes every directory from {@code root} down to {@code dir} a real directory; returns {@code dir}. */
    private static Path realDirectories(Path root, Path dir) throws IOException {
        Path current = root;
        for (Path part : root.relativize(dir)) {
            current = current.resolve(part);
            if (Files.exists(current, NOFOLLOW) && !Files.isDirectory(current, NOFOLLOW)) {
                replacing(root, current);
            }
            if (!Files.exists(current, NOFOLLOW)) {
                Files.createDirectory(current);
            }
        }
        return dir;
    }

    private static void replacing(Path root, Path entry) throws IOException {
        String kind = Files.isSymbolicLink(entry) ? "a symbolic link" : Files.isDirectory(entry, NOFOLLOW) ? "a directory" : "a file";
        LOG.warn("'{}' in the checkout is {}; replacing it (not what it points to) with the report", root.relativize(entry), kind);
        deleteEntry(entry);
    }

    /** Deletes a file, a link (not its target) or a directory tree, never following a link inside it. */
    private static void deleteEntry(Path entry) throws IOException {
        if (!Files.isDirectory(entry, NOFOLLOW)) {
            Files.delete(entry);
            return;
        }
        Files.walkFileTree(entry, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
