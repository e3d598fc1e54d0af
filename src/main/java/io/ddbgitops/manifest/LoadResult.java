package io.ddbgitops.manifest;

import java.util.List;

/**
 * Everything found under a manifests directory: the valid manifests (sorted by file, then position), every
 * error (sorted by file, line, column), how many {@code kind: Dynamodb} documents were invalid (none of
 * those is applied), and how many YAML documents of other kinds were skipped.
 */
public record LoadResult(
        List<TableManifest> manifests, List<ManifestError> errors, int invalidManifests, int skippedDocuments) {
    public LoadResult {
        manifests = List.copyOf(manifests);
        errors = List.copyOf(errors);
    }
}
