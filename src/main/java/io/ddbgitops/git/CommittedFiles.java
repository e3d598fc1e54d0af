package io.ddbgitops.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files a checkout's HEAD commit holds directly in one directory, read from git objects rather than the working
 * tree. A {@link ReportWriter} that merges what other runs committed (the shards' reports) reads them here on each
 * attempt: after a push race the checkout is reset to the remote's new head, so HEAD is what the branch holds now.
 * Only regular files are read: a committed symbolic link, or a directory that is one, is never followed.
 */
public final class CommittedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CommittedFiles.class);

    private CommittedFiles() {}

    /** File name to content for the regular files directly in {@code dir} (repo-relative) at HEAD; empty if none. */
    public static Map<String, String> in(Path checkoutRoot, String dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Git git = Git.open(checkoutRoot.toFile());
             RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repo = git.getRepository();
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return files;
            }
            try (TreeWalk folder = TreeWalk.forPath(repo, dir, walk.parseCommit(head).getTree())) {
                if (folder == null || folder.getFileMode(0) != FileMode.TREE) {
                    return files;
                }
                try (TreeWalk entries = new TreeWalk(repo)) {
                    entries.addTree(folder.getObjectId(0));
                    while (entries.next()) {
                        FileMode mode = entries.getFileMode(0);
                        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                            continue;
                        }
                        try {
                            files.put(entries.getNameString(), new String(repo.open(entries.getObjectId(0))
                                    .getBytes(JGitWorkspace.MAX_READ_BYTES), StandardCharsets.UTF_8));
                        } catch (LargeObjectException e) {
                            LOG.warn("'{}/{}' is larger than {} bytes; not read", dir, entries.getNameString(),
                                    JGitWorkspace.MAX_READ_BYTES);
                        }
                    }
                }
            }
        }
        return files;
    }
}
