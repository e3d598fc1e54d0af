package io.ddbgitops.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the paths a {@link ReportWriter} returned stay inside the working tree and out of .git, and that
 * none of them reaches its file through a symbolic link: git would commit the link, and the writer would have
 * written wherever it points.
 */
final class ReportPaths {
    private ReportPaths() {}

    static List<String> checked(Path root, List<String> paths) throws GitException {
        for (String path : paths) {
            Optional<String> problem = problem(root, path);
            if (problem.isPresent()) {
                throw new GitException(problem.get());
            }
        }
        for (String path : paths) {
            Optional<String> link = CheckoutFiles.firstLink(root, path);
            if (link.isPresent()) {
                throw new GitException("Refusing to commit report path '" + path + "': '" + link.get()
                        + "' is a symbolic link in the checkout");
            }
        }
        return List.copyOf(paths);
    }

    /** Why {@code path} is not a repo-relative file path in normal form outside .git; empty when it is one. */
    static Optional<String> problem(Path root, String path) {
        Path normalRoot = root.toAbsolutePath().normalize();
        Path resolved = normalRoot.resolve(path).normalize();
        boolean inside = !path.isBlank() && !path.startsWith("/") && !path.contains("\\")
                && resolved.startsWith(normalRoot) && !resolved.equals(normalRoot);
        if (!inside || normalRoot.relativize(resolved).getName(0).toString().equals(".git")) {
            return Optional.of("Report writer returned a path that is not a repo-relative file path: '" + path + "'");
        }
        if (!normalRoot.relativize(resolved).toString().equals(path)) {
            return Optional.of("Report writer returned a path that is not in normal form (use forward slashes, no '.' or '..'): '" + path + "'");
        }
        return Optional.empty();
    }
}
