package io.ddbgitops.git;

import java.nio.file.Path;
import java.util.List;

/** Checks that the paths a {@link ReportWriter} returned stay inside the working tree and out of .git. */
final class ReportPaths {
    private ReportPaths() {}

    static List<String> checked(Path root, List<String> paths) throws GitException {
        Path normalRoot = root.toAbsolutePath().normalize();
        for (String path : paths) {
            Path resolved = normalRoot.resolve(path).normalize();
            boolean inside = !path.isBlank() && !path.startsWith("/") && !path.contains("\\")
                    && resolved.startsWith(normalRoot) && !resolved.equals(normalRoot);
            if (!inside || normalRoot.relativize(resolved).getName(0).toString().equals(".git")) {
                throw new GitException("Report writer returned a path that is not a repo-relative file path: '" + path + "'");
            }
            if (!normalRoot.relativize(resolved).toString().equals(path)) {
                throw new GitException("Report writer returned a path that is not in normal form (use forward slashes, no '.' or '..'): '" + path + "'");
            }
        }
        return List.copyOf(paths);
    }
}
