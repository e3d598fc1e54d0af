package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the report files into a checkout; returns the repo-relative paths (forward slashes) it wrote.
 * A returned path whose file does not exist is staged as a deletion. It may be called more than once per
 * publish: after a push race the checkout is reset to the new remote head and the report is written again.
 */
@FunctionalInterface
public interface ReportWriter {
    List<String> write(Path checkoutRoot) throws IOException;
}
