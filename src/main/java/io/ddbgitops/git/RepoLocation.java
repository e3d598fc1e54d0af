package io.ddbgitops.git;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Where the remote is: the URI handed to JGit and, for local remotes, the directory on disk
 * (needed to refuse pushes that would leave a non-bare checkout stale).
 */
record RepoLocation(String uri, Optional<Path> localPath) {
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final Pattern SCP_LIKE = Pattern.compile("^([^/@:]+@)?[^/:]+:.*");

    static RepoLocation parse(String repo) throws GitException {
        String trimmed = repo.strip();
        if (trimmed.isEmpty()) {
            throw new GitException("Repository location is empty");
        }
        if (URL_SCHEME.matcher(trimmed).matches()) {
            if (trimmed.regionMatches(true, 0, "file:", 0, 5)) {
                return local(fileUrlPath(trimmed));
            }
            return new RepoLocation(trimmed, Optional.empty());
        }
        if (SCP_LIKE.matcher(trimmed).matches()) {
            return new RepoLocation(trimmed, Optional.empty());
        }
        return local(Path.of(trimmed));
    }

    private static Path fileUrlPath(String url) throws GitException {
        try {
            return Path.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new GitException("Not a valid file URL: '" + Redaction.stripCredentials(url) + "' (" + e.getMessage() + ")");
        }
    }

    private static RepoLocation local(Path path) throws GitException {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new GitException("Repository path does not exist or is not a directory: " + absolute);
        }
        return new RepoLocation(absolute.toString(), Optional.of(absolute));
    }

    /** The location as it may be printed. */
    String display() {
        return Redaction.stripCredentials(uri);
    }

    /**
     * Fails when pushing {@code branch} would update the branch checked out in a local non-bare repository:
     * the ref would move but its working tree and index would not, and the next commit there would undo ours.
     */
    void requirePushableTo(String branch) throws GitException {
        if (localPath.isEmpty()) {
            return;
        }
        File gitDir = RepositoryCache.FileKey.resolve(localPath.get().toFile(), FS.DETECTED);
        if (gitDir == null) {
            return;
        }
        try (Repository remote = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            if (!remote.isBare() && branch.equals(remote.getBranch())) {
                throw new GitException("Cannot push to branch '" + branch + "' of " + display()
                        + ": it is a non-bare repository with that branch checked out, so its working tree would go stale."
                        + " Use a bare repository (git clone --bare) or publish to another branch with --report-branch");
            }
        } catch (IOException e) {
            throw new GitException("Could not open repository " + display() + ": " + e.getMessage());
        }
    }
}
