package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the report files into a checkout; returns the repo-relative paths (forward slashes) it wrote.
 * A returned path whose file does not exist is staged as a deletion. It may be called more than once per
 * publish: after a push race the checkout is reset to the new remote head and the report is written again.
 * A returned path reached through a symbolic link is refused; {@link #files} never follows one.
 */
@FunctionalInterface
public interface ReportWriter {
    List<String> write(Path checkoutRoot) throws IOException;

    /**
     * Writes each path's content as a regular file, replacing a symbolic link (or anything else that is not a
     * regular file or directory where one is needed) instead of writing through it; see {@link CheckoutFiles}.
     */
    static ReportWriter files(Map<String, String> contents) {
        Map<String, String> sorted = new TreeMap<>(contents);
        return root -> {
            for (Map.Entry<String, String> file : sorted.entrySet()) {
                CheckoutFiles.write(root, file.getKey(), file.getValue());
            }
            return List.copyOf(sorted.keySet());
        };
    }

    /**
     * As {@link #files}, and removes each of {@code removed} that is there (the entry itself; a path through a
     * symbolic link is left alone), so that its deletion is committed with the files.
     */
    static ReportWriter files(Map<String, String> contents, java.util.Set<String> removed) {
        ReportWriter write = files(contents);
        return root -> {
            List<String> paths = new java.util.ArrayList<>(write.write(root));
            for (String path : new java.util.TreeSet<>(removed)) {
                if (CheckoutFiles.firstLink(root, path).isEmpty()
                        && java.nio.file.Files.deleteIfExists(root.resolve(path))) {
                    paths.add(path);
                }
            }
            return List.copyOf(paths);
        };
    }
}
