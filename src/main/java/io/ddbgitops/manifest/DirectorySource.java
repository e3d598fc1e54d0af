package io.ddbgitops.manifest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Manifests in a directory on disk ({@code validate} of a working copy, tests). Links are never followed: the
 * walk does not follow them, and a file is opened with {@code NOFOLLOW_LINKS}, even if a link replaced it since.
 * Only the root itself, the operator's own argument, is followed once when it is a link.
 */
public final class DirectorySource implements ManifestSource {
    private final Path root;

    public DirectorySource(Path root) {
        this.root = realRoot(root);
    }

    @Override
    public void walk(Walker walker) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || walker.enter(relative(dir)) ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                walker.visit(entry(file, attrs));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                walker.failed(relative(file), e);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public Optional<SourceEntry> entry(String path) throws IOException {
        Path file = root.resolve(path);
        try {
            return Optional.of(entry(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public long size(SourceEntry file) throws IOException {
        return Files.size(Path.of(file.ref()));
    }

    @Override
    public byte[] read(SourceEntry file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file.ref()), LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    private SourceEntry entry(Path file, BasicFileAttributes attrs) {
        SourceEntry.Kind kind;
        if (attrs.isSymbolicLink()) {
            kind = Files.isDirectory(file) ? SourceEntry.Kind.FOLDER_LINK : SourceEntry.Kind.LINK;
        } else if (attrs.isRegularFile()) {
            kind = SourceEntry.Kind.FILE;
        } else {
            kind = SourceEntry.Kind.OTHER;
        }
        return new SourceEntry(relative(file), kind, file.toString());
    }

    private String relative(Path file) {
        String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
        return relative.isEmpty() ? "." : relative;
    }

    private static Path realRoot(Path root) {
        try {
            return Files.isSymbolicLink(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            return root;
        }
    }
}
