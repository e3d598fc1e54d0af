package io.ddbgitops.git;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the checked-out head differs from a base commit, file by file (repo-relative paths, forward slashes).
 * A rename shows as a deletion plus an addition: what matters here is which files declare what.
 */
public record ChangedFiles(String baseCommit, Set<String> added, Set<String> modified, Set<String> deleted) {

    public ChangedFiles {
        Objects.requireNonNull(baseCommit, "baseCommit");
        added = Set.copyOf(added);
        modified = Set.copyOf(modified);
        deleted = Set.copyOf(deleted);
    }

    /** Files whose head version differs from the base: added or modified, sorted. */
    public Set<String> changedAtHead() {
        Set<String> paths = new TreeSet<>(added);
        paths.addAll(modified);
        return paths;
    }

    /** Files that existed at the base and differ or are gone at the head, sorted. */
    public Set<String> changedAtBase() {
        Set<String> paths = new TreeSet<>(modified);
        paths.addAll(deleted);
        return paths;
    }
}
