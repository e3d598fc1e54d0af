package io.ddbgitops.manifest;

import java.util.Comparator;
import java.util.Objects;

/** Where something was written: a repo-relative file path (forward slashes) and a 1-based line and column. */
public record SourceLocation(String file, int line, int column) {
    /** By file, then line, then column: the order things are listed in. */
    public static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line).thenComparingInt(SourceLocation::column);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
