package io.ddbgitops.manifest;

/**
 * A whole file refused before or while it is parsed (too large, not UTF-8, not YAML, a limit passed): one error
 * at the position where the problem is, and none of the file's documents is used.
 */
final class RejectedFile extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    RejectedFile(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    SourceLocation location(String file) {
        return new SourceLocation(file, Math.max(line, 1), Math.max(column, 1));
    }
}
