package io.ddbgitops.manifest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the YAML files of a repository: {@code *.yaml} and {@code *.yml} at any depth, except hidden files and
 * folders ({@code .git}, editor lock files) and the top-level {@code drift/} folder where our own reports live.
 * Symbolic links are never followed: a manifest that is a link could point at any file of the machine that runs
 * us (and its content would reach the report), so each one is an error, and the walk goes on. The same rules
 * hold for a directory on disk and for a commit's tree read from git objects ({@link ManifestSource}).
 */
final class ManifestFiles {
    static final String REPORT_DIR = "drift";

    /** A regular file to read: the source's entry, its repo-relative name, and its size when the walk saw it. */
    record Candidate(SourceEntry entry, String name, long size) {
    }

    /** The YAML files found (sorted by name) and the places refused or not looked into, one error each. */
    record Found(List<Candidate> files, List<ManifestError> errors) {
        Found {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }
    }

    static Found find(ManifestSource source, ManifestLimits limits) {
        List<Candidate> files = new ArrayList<>();
        List<ManifestError> errors = new ArrayList<>();
        try {
            source.walk(new ManifestSource.Walker() {
                @Override
                public boolean enter(String path) {
                    return !skipped(path);
                }

                @Override
                public void visit(SourceEntry entry) {
                    ManifestFiles.visit(source, entry, files, errors);
                }

                @Override
                public void failed(String path, IOException cause) {
                    errors.add(unreadable(path, cause));
                }
            });
        } catch (IOException e) {
            errors.add(unreadable(".", e));
        }
        files.sort(Comparator.comparing(Candidate::name));
        return new Found(withinLimits(files, errors, limits), errors);
    }

    private static void visit(ManifestSource source, SourceEntry entry, List<Candidate> files,
                              List<ManifestError> errors) {
        String name = entry.path();
        if (entry.fileName().startsWith(".")) {
            return;
        }
        switch (entry.kind()) {
            case LINK, FOLDER_LINK -> {
                // a link to a folder is refused too: manifests in it would otherwise be silently missing
                if (isYaml(name) || entry.kind() == SourceEntry.Kind.FOLDER_LINK) {
                    errors.add(fileError(Values.printable(name), "symlink, not followed; manifests are read only "
                            + "from regular files inside the repository"));
                }
            }
            case OTHER -> {
                if (isYaml(name)) {
                    errors.add(fileError(Values.printable(name), "not a regular file (a device, pipe or socket); not read"));
                }
            }
            case FILE -> {
                if (!isYaml(name)) {
                    return;
                }
                if (!Values.printable(name).equals(name)) {
                    errors.add(fileError(Values.printable(name), "the file name holds a control character (such as "
                            + "a newline); rename the file"));
                    return;
                }
                try {
                    files.add(new Candidate(entry, name, source.size(entry)));
                } catch (IOException e) {
                    errors.add(unreadable(name, e));
                }
            }
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

    static ManifestError unreadable(String name, IOException e) {
        return fileError(Values.printable(name), "cannot read: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + Values.printable(e.getMessage())));
    }

    private static boolean skipped(String dir) {
        String name = dir.substring(dir.lastIndexOf('/') + 1);
        return name.startsWith(".") || dir.equals(REPORT_DIR);
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
