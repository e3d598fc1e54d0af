package io.ddbgitops.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one fetched commit, listed and read straight from git objects: nothing is checked out, so a
 * repository of twenty thousand files costs its pack, not twenty thousand files written and deleted again. A
 * symbolic link (mode 120000) is a blob holding its target; it is only ever reported, never followed, and a read
 * is bounded before the blob is inflated. Entries are named by repo-relative paths with forward slashes; blobs by
 * their ids, so that no JGit type leaves this package.
 */
public final class CommitTree {
    /** The longest link target looked at: a path, not content. */
    private static final int MAX_LINK_TARGET = 4096;

    /** What a tree entry is. */
    public enum Kind {
        FILE,
        /** A link to a file, to nothing, or to something in the repository that is not a folder. */
        LINK,
        /** A link to a folder of the repository, or out of it (where it leads is not the repository's to say). */
        FOLDER_LINK,
        /** A submodule: a commit of another repository, nothing to read here. */
        OTHER
    }

    /** One entry; {@code id} names its blob (or submodule commit). */
    public record Entry(String path, Kind kind, String id) {
    }

    /** What a walk is told. */
    public interface Visitor {
        boolean enter(String path);

        void visit(Entry entry);
    }

    private final Repository repo;
    private final RevTree tree;

    CommitTree(Repository repo, RevTree tree) {
        this.repo = repo;
        this.tree = tree;
    }

    /** The folder at {@code path} as a tree of its own (paths relative to it); empty when {@code path} is no folder. */
    public Optional<CommitTree> folder(String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
            if (walk == null || walk.getFileMode(0) != FileMode.TREE) {
                return Optional.empty();
            }
            try (org.eclipse.jgit.revwalk.RevWalk revs = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
                return Optional.of(new CommitTree(repo, revs.parseTree(walk.getObjectId(0))));
            }
        }
    }

    /** Calls {@code visitor} for each entry, descending only into the folders it accepts. */
    public void walk(Visitor visitor) throws IOException {
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.TREE) {
                    if (visitor.enter(path)) {
                        walk.enterSubtree();
                    }
                } else {
                    visitor.visit(entry(walk.getObjectReader(), path, mode, walk.getObjectId(0)));
                }
            }
        }
    }

    /** The entry at {@code path}; empty when nothing is there, or when a link or a file stands on the way. */
    public Optional<Entry> entry(String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
            if (walk == null || walk.getFileMode(0) == FileMode.TREE) {
                return Optional.empty();
            }
            return Optional.of(entry(walk.getObjectReader(), path, walk.getFileMode(0), walk.getObjectId(0)));
        }
    }

    /** The size of a blob, from its header: nothing is inflated. */
    public long size(String id) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            return reader.getObjectSize(ObjectId.fromString(id), Constants.OBJ_BLOB);
        }
    }

    /** At most {@code maxBytes + 1} bytes of a blob, streamed, so a huge blob is never inflated whole. */
    public byte[] read(String id, long maxBytes) throws IOException {
        try (ObjectReader reader = repo.newObjectReader();
             InputStream in = reader.open(ObjectId.fromString(id), Constants.OBJ_BLOB).openStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    private Entry entry(ObjectReader reader, String path, FileMode mode, ObjectId id) throws IOException {
        Kind kind;
        if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
            kind = Kind.FILE;
        } else if (mode == FileMode.SYMLINK) {
            kind = leadsToFolder(reader, path, id) ? Kind.FOLDER_LINK : Kind.LINK;
        } else {
            kind = Kind.OTHER;
        }
        return new Entry(path, kind, id.name());
    }

    /** Resolves the link's target inside this tree, without following any further link. */
    private boolean leadsToFolder(ObjectReader reader, String path, ObjectId id) throws IOException {
        byte[] raw;
        try (InputStream in = reader.open(id, Constants.OBJ_BLOB).openStream()) {
            raw = in.readNBytes(MAX_LINK_TARGET);
        }
        String target = new String(raw, StandardCharsets.UTF_8);
        if (target.startsWith("/")) {
            return true;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            for (String part : path.substring(0, slash).split("/")) {
                parts.addLast(part);
            }
        }
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return true;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            return true;
        }
        try (TreeWalk walk = TreeWalk.forPath(repo, String.join("/", parts), tree)) {
            return walk != null && walk.getFileMode(0) == FileMode.TREE;
        }
    }
}
