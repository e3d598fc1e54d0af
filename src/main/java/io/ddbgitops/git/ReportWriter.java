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
}
