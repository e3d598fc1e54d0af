package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Compares two commits' trees and copies files out of a commit, without touching the working tree. */
final class TreeDiff {
    private TreeDiff() {}

    static ChangedFiles between(Repository repo, RevCommit base, RevCommit head) throws IOException {
        Set<String> added = new HashSet<>();
        Set<String> modified = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(base).getTree());
            tree.addTree(walk.parseCommit(head).getTree());
            tree.setRecursive(true);
            for (DiffEntry entry : DiffEntry.scan(tree)) {
                switch (entry.getChangeType()) {
                    case ADD -> added.add(entry.getNewPath());
                    case DELETE -> deleted.add(entry.getOldPath());
                    default -> {
                        if (entry.getOldPath().equals(entry.getNewPath())) {
                            modified.add(entry.getNewPath());
                        } else {
                            deleted.add(entry.getOldPath());
                            added.add(entry.getNewPath());
                        }
                    }
                }
            }
        }
        return new ChangedFiles(base.name(), added, modified, deleted);
    }

    /** Writes {@code paths} as they are in {@code commit} under {@code dir}; paths absent there are skipped. */
    static void export(Repository repo, RevCommit commit, Set<String> paths, Path dir) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            var tree = walk.parseCommit(commit).getTree();
            for (String path : paths) {
                try (TreeWalk file = TreeWalk.forPath(repo, path, tree)) {
                    if (file == null || file.getFileMode(0).getObjectType() != Constants.OBJ_BLOB
                            || file.getFileMode(0) == FileMode.GITLINK) {
                        continue;
                    }
                    Path target = dir.resolve(path).normalize();
                    if (!target.startsWith(dir)) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, repo.open(file.getObjectId(0)).getBytes());
                }
            }
        }
    }
}
