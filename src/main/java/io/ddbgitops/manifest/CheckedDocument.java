package io.ddbgitops.manifest;

import java.util.ArrayList;
import java.util.List;

/** A {@code kind: Dynamodb} document and the errors found in it so far (duplicates are added last). */
record CheckedDocument(YamlDocument yaml, List<ManifestError> errors) {
    CheckedDocument {
        errors = new ArrayList<>(errors);
    }

    void addError(String pointer, String message) {
        errors.add(new ManifestError(yaml.locate(pointer), pointer, message));
    }
}
