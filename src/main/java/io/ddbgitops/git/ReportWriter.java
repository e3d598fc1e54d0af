package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the report files into an empty scratch folder; returns the repo-relative paths (forward slashes) it
 * wrote. Those paths of the branch tip are replaced by what it wrote; a returned path it did not write is deleted
 * from the tip. Nothing else of the repository is on disk (no checkout). It may be called more than once per
 * publish: after a push race the report is written again on the new remote head. A returned path reached through
 * a symbolic link is refused; {@link #files} never follows one.
 */
@FunctionalInterface
public interface ReportWriter {
    List<String> write(Path dir) throws IOException;

    /**
     * As {@link #write(Path)}, with the branch tip it is written onto at hand, read from git objects: for a report
     * made from what the tip already holds (other runs' files, say). By default the tip is not looked at.
     */
    default List<String> write(Path dir, CommitTree tip) throws IOException {
        return write(dir);
    }

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
}
