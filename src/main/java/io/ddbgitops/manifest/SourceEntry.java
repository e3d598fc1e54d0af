package io.ddbgitops.manifest;

import java.util.Objects;

/**
 * One entry of a {@link ManifestSource}: its repo-relative path (forward slashes), what it is, and a reference only
 * its source understands (a file's path on disk, a blob's id in git).
 */
public record SourceEntry(String path, Kind kind, String ref) {
    public SourceEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
    }

    public enum Kind {
        /** A regular file (in git: mode 100644 or 100755). */
        FILE,
        /** A symbolic link (git mode 120000) that leads to a file, nowhere, or somewhere the source cannot tell. */
        LINK,
        /** A symbolic link that leads (or may lead) to a folder: manifests in it would silently be missing. */
        FOLDER_LINK,
        /** A device, pipe or socket: never opened. */
        OTHER
    }

    /** The last component of the path. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
