package io.ddbgitops.manifest;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the YAML files under a repository root: {@code *.yaml} and {@code *.yml} at any depth, except hidden
 * files and folders ({@code .git}, editor lock files) and the top-level {@code drift/} folder where our own
 * reports live. Symbolic links are never followed: a manifest that is a link could point at any file of the
 * machine that runs us (and its content would reach the report), so each one is an error, and the walk goes on.
 */
final class ManifestFiles {
    static final String REPORT_DIR = "drift";

    /** A regular file to read: where it is, its repo-relative name, and its size when the walk saw it. */
    record Candidate(Path path, String name, long size) {
    }

    /** The YAML files found (sorted by name) and the places refused or not looked into, one error each. */
    record Found(List<Candidate> files, List<ManifestError> errors) {
        Found {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    static String relative(Path root, Path file) {
        String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
        return relative.isEmpty() ? "." : relative;
    }

    static Found find(Path given, ManifestLimits limits) {
        // the root itself is the operator's argument (or our own checkout), so a link there is followed once
        Path root = realRoot(given);
        List<Candidate> files = new ArrayList<>();
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
                    visit(root, file, attrs, files, errors);
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
        files.sort(Comparator.comparing(Candidate::name));
        return new Found(withinLimits(files, errors, limits), errors);
    }

    private static void visit(Path root, Path file, BasicFileAttributes attrs, List<Candidate> files,
                              List<ManifestError> errors) {
        String name = relative(root, file);
        if (file.getFileName().toString().startsWith(".")) {
            return;
        }
        if (attrs.isSymbolicLink()) {
            // a link to a folder is refused too: manifests in it would otherwise be silently missing
            if (isYaml(file) || Files.isDirectory(file)) {
                errors.add(fileError(Values.printable(name), "symlink, not followed; manifests are read only from "
                        + "regular files inside the repository"));
            }
        } else if (!isYaml(file)) {
            return;
        } else if (!Values.printable(name).equals(name)) {
            errors.add(fileError(Values.printable(name), "the file name holds a control character (such as a "
                    + "newline); rename the file"));
        } else if (!attrs.isRegularFile()) {
            errors.add(fileError(name, "not a regular file (a device, pipe or socket); not read"));
        } else {
            files.add(new Candidate(file, name, attrs.size()));
        }
    }

    /** Counted before anything is read: a repository past these limits loads nothing at all. */
    private static List<Candidate> withinLimits(List<Candidate> files, List<ManifestError> errors,
                                                ManifestLimits limits) {
        // a file over the per-file limit is refused on its own and does not count here
        long bytes = files.stream().mapToLong(Candidate::size).filter(size -> size <= limits.fileBytes())
                .sum();
        if (files.size() > limits.files()) {
            errors.add(fileError(".", "the repository holds " + files.size() + " YAML files; at most "
                    + limits.files() + " are read (limit: files per repository); nothing was loaded"));
            return List.of();
        }
        if (bytes > limits.totalBytes()) {
            errors.add(fileError(".", "the repository's YAML files hold " + bytes + " bytes; at most "
                    + limits.totalBytes() + " are read (limit: bytes per repository); nothing was loaded"));
            return List.of();
        }
        return files;
    }

    static ManifestError fileError(String name, String message) {
        return new ManifestError(new SourceLocation(name, 1, 1), "", message);
    }

    static ManifestError unreadable(Path root, Path file, IOException e) {
        return fileError(Values.printable(relative(root, file)), "cannot read: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + Values.printable(e.getMessage())));
    }

    private static Path realRoot(Path root) {
        try {
            return Files.isSymbolicLink(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            return root;
        }
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
