package io.ddbgitops.manifest;

/**
 * Every limit on what the loader reads, in one place (README "Limits" lists the same numbers). They are checked
 * before the YAML parser sees a byte where that is possible (sizes, lines, documents), and while streaming where
 * it is not (depth, aliases), so hostile input fails fast with the limit named instead of exhausting the run.
 * Real manifests are a few hundred bytes; every limit is far above anything a person writes.
 */
public final class ManifestLimits {
    /** Bytes in one YAML file, checked from the file's size before it is opened. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    /**
     * Characters on one line. A resource policy written as one line of JSON may be 20 KB (AWS's limit), so this
     * leaves room for that and nothing like the 50 MB scalar that made the parser quadratic.
     */
    public static final int MAX_LINE_CHARS = 32 * 1024;
    /** YAML documents ({@code ---}) in one file. */
    public static final int MAX_DOCUMENTS_PER_FILE = 1000;
    /** Nesting of mappings and lists; a manifest needs about 7. */
    public static final int MAX_DEPTH = 32;
    /** Aliases ({@code *name}) in one file. None is ever expanded (each is an error); past this the file stops. */
    public static final int MAX_ALIASES_PER_FILE = 20;
    /** YAML files in one repository, counted before any is read. */
    public static final int MAX_FILES = 10_000;
    /** Bytes of all YAML files of one repository together, counted before any is read. */
    public static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;
    /** {@code kind: Dynamodb} documents in one repository. */
    public static final int MAX_MANIFESTS = 10_000;

    private ManifestLimits() {
    }
}
