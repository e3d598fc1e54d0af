package io.ddbgitops.manifest;

import java.util.Comparator;

/**
 * One problem with one manifest: where it is, the field as a JSON pointer into the document
 * (e.g. {@code /spec/optional_spec/sort_key_keytype}), and a message saying what was found and what is allowed.
 */
public record ManifestError(SourceLocation location, String pointer, String message) {
    /** The order errors are listed in: by file, line and column, then field and message. */
    public static final Comparator<ManifestError> ORDER = Comparator.comparing(ManifestError::location,
            SourceLocation.ORDER).thenComparing(ManifestError::pointer).thenComparing(ManifestError::message);

    /** {@code file:line:column: spec.optional_spec.sort_key_keytype: message}. */
    public String format() {
        String field = pointer.isEmpty() ? "(document)" : pointer.substring(1).replace('/', '.');
        return location + ": " + field + ": " + message;
    }
}
