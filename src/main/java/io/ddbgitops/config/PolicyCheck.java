package io.ddbgitops.config;

import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.TableManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the namespace policy to loaded manifests: a manifest outside its namespace's allowance is treated as an
 * invalid one (counted, its errors listed, never planned or applied), so one team cannot take another team's table
 * through the shared repository. Without a policy every manifest passes.
 */
public final class PolicyCheck {
    private PolicyCheck() {
    }

    public static LoadResult admit(RepositoryConfig config, LoadResult loaded) {
        return admit(config, loaded, "");
    }

    /**
     * The same for manifests loaded from a sub-directory of the repository: {@code prefix} is that directory's
     * path from the root ending in {@code /}, so that {@code paths} rules see repository paths.
     */
    public static LoadResult admit(RepositoryConfig config, LoadResult loaded, String prefix) {
        if (config.policy().isEmpty()) {
            return loaded;
        }
        NamespacePolicy policy = config.policy().get();
        List<TableManifest> admitted = new ArrayList<>();
        List<ManifestError> errors = new ArrayList<>(loaded.errors());
        int refused = 0;
        for (TableManifest manifest : loaded.manifests()) {
            List<NamespacePolicy.Violation> violations = policy.check(manifest, prefix + manifest.source().file());
            if (violations.isEmpty()) {
                admitted.add(manifest);
            } else {
                refused++;
                violations.forEach(v -> errors.add(new ManifestError(manifest.source(), v.pointer(), v.message())));
            }
        }
        errors.sort(ManifestError.ORDER);
        return new LoadResult(admitted, errors, loaded.invalidManifests() + refused, loaded.skippedDocuments());
    }
}
