package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableManifest;

import java.util.Map;

/** Tables we manage carry one tag naming the manifest that owns them; nothing else is touched without adopt. */
public final class Ownership {
    public static final String TAG_KEY = TableManifest.OWNERSHIP_TAG_KEY;

    private Ownership() {}

    public static Map<String, String> tagFor(TableManifest manifest) {
        return Map.of(TAG_KEY, manifest.id());
    }
}
