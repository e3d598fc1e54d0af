package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Manifest fields that validate but that this version does not reconcile yet. They are listed in the report
 * so that nobody believes a setting is enforced when it is not.
 */
final class UnmanagedFields {
    private static final String PREFIX = "spec.optional_spec.";

    private UnmanagedFields() {}

    static List<String> of(TableManifest manifest) {
        List<String> fields = new ArrayList<>();
        return fields.stream().map(f -> "not managed by this version yet, left as it is: " + PREFIX + f).toList();
    }
}
