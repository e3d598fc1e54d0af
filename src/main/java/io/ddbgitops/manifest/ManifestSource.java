package io.ddbgitops.manifest;

import java.io.IOException;
import java.util.Optional;

/**
 * Where manifests (and the repository config) are read from: a directory on disk ({@link DirectorySource}), or the
 * tree of a fetched commit, read from git objects without a checkout. The loader's rules (what is skipped, what is
 * refused, every limit) live in this package and apply to both alike; a source only lists and reads.
 */
public interface ManifestSource {

    /** Calls {@code walker} for every entry below the root, entering only the folders it accepts. */
    void walk(Walker walker) throws IOException;

    /** The entry at a repo-relative path (forward slashes); empty when nothing is there or a link is on the way. */
    Optional<SourceEntry> entry(String path) throws IOException;

    /** The size of a {@link SourceEntry.Kind#FILE} entry in bytes, asked only for the files that may be read. */
    long size(SourceEntry file) throws IOException;

    /** At most {@code maxBytes + 1} bytes of a {@link SourceEntry.Kind#FILE} entry, never through a link. */
    byte[] read(SourceEntry file, long maxBytes) throws IOException;

    /** What a walk is told, in any order within a folder. */
    interface Walker {
        /** Whether to look into the folder at {@code path} (repo-relative). */
        boolean enter(String path);

        void visit(SourceEntry entry);

        /** An entry that could not be looked at; the walk goes on. */
        void failed(String path, IOException cause);
    }
}
