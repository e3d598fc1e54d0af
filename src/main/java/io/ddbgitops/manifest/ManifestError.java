package io.ddbgitops.manifest;

/**
 * One problem with one manifest: where it is, the field as a JSON pointer into the document
 * (e.g. {@code /spec/optional_spec/sort_key_keytype}), and a message saying what was found and what is allowed.
 */
public record ManifestError(SourceLocation location, String pointer, String message) {

    /** {@code file:line:column: spec.optional_spec.sort_key_keytype: message}. */
    public String format() {
        String field = pointer.isEmpty() ? "(document)" : pointer.substring(1).replace('/', '.');
        return location + ": " + field + ": " + message;
    }
}
