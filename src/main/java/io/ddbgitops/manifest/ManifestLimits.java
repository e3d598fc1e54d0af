package io.ddbgitops.manifest;

/**
 * Every limit on what the loader reads, in one place ({@link #DEFAULT}; README "Limits" lists the same numbers).
 * They are checked before the YAML parser sees a byte where that is possible (sizes, lines, documents, file
 * counts), and while streaming where it is not (depth, aliases), so hostile input fails fast with the limit
 * named instead of exhausting the run. Real manifests are a few hundred bytes; every default is far above
 * anything a person writes.
 *
 * @param fileBytes        bytes in one YAML file, checked from the file's size before it is opened
 * @param lineChars        characters on one line; a resource policy written as one line of JSON may be 20 KB
 *                         (AWS's limit), and nothing like the 50 MB scalar that made the parser quadratic gets in
 * @param documentsPerFile YAML documents ({@code ---}) in one file
 * @param depth            nesting of mappings and lists; a manifest needs about 7
 * @param aliasesPerFile   aliases ({@code *name}) in one file; none is ever expanded (each is an error), and past
 *                         this the file is refused as a whole
 * @param files            YAML files in one repository, counted before any is read
 * @param totalBytes       bytes of all YAML files of one repository together, counted before any is read
 * @param manifests        {@code kind: Dynamodb} documents in one repository
 */
public record ManifestLimits(long fileBytes, int lineChars, int documentsPerFile, int depth, int aliasesPerFile,
                             int files, long totalBytes, int manifests) {
    public static final ManifestLimits DEFAULT = new ManifestLimits(
            1024 * 1024, 32 * 1024, 1000, 32, 20, 10_000, 16L * 1024 * 1024, 10_000);
}
