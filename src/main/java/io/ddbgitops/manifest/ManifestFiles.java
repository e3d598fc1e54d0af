package io.ddbgitops.manifest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the YAML files under a repository root: {@code *.yaml} and {@code *.yml} at any depth, except in
 * dot-directories ({@code .git}) and the top-level {@code drift/} folder where our own reports live.
 */
final class ManifestFiles {
    static final String REPORT_DIR = "drift";

    /** The YAML files found (sorted by relative path) and the places that could not be looked into. */
    record Found(List<Path> files, List<ManifestError> errors) {
        Found {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    static String relative(Path root, Path file) {
        String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
        return relative.isEmpty() ? "." : relative;
    }

    static Found find(Path root) {
        List<Path> files = new ArrayList<>();
        List<ManifestError> errors = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || !skipped(root, dir) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isYaml(file) && Files.isRegularFile(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.add(unreadable(root, file, e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(unreadable(root, root, e));
        }
        files.sort(Comparator.comparing(file -> relative(root, file)));
        return new Found(files, errors);
    }

    static ManifestError unreadable(Path root, Path file, IOException e) {
        String reason = e instanceof CharacterCodingException ? "the file is not UTF-8 text"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new ManifestError(new SourceLocation(relative(root, file), 1, 1), "", "cannot read: " + reason);
    }

    private static boolean skipped(Path root, Path dir) {
        String name = dir.getFileName().toString();
        return name.startsWith(".") || (name.equals(REPORT_DIR) && root.equals(dir.getParent()));
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
