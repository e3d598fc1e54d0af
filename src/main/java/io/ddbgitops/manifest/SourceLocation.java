package io.ddbgitops.manifest;

import java.util.Objects;

/** Where something was written: a repo-relative file path (forward slashes) and a 1-based line and column. */
public record SourceLocation(String file, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
