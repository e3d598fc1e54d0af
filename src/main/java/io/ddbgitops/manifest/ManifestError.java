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
        return location + ": " + field() + ": " + message;
    }

    /**
     * The field as people write it ({@code spec.optional_spec.tags.team}), on one line, with any one name in it
     * shortened: a key is user input and may be long or hold a newline.
     */
    public String field() {
        if (pointer.isEmpty()) {
            return "(document)";
        }
        StringBuilder field = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String name = part.replace("~1", "/").replace("~0", "~");
            field.append(field.length() == 0 ? "" : ".").append(Values.printable(Values.shorten(name)));
        }
        return field.toString();
    }
}
