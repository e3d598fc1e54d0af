package io.ddbgitops.config;

import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.SourceLocation;
import io.ddbgitops.manifest.TableManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Applies the namespace policy to loaded manifests: a manifest outside its namespace's allowance is treated as an
 * invalid one (counted, its errors listed, never planned or applied), so one team cannot take another team's table
 * through the shared repository. Without a policy every manifest passes.
 */
public final class PolicyCheck {
    private PolicyCheck() {
    }

    /** Errors are placed at the start of each refused manifest's document. */
    public static LoadResult admit(RepositoryConfig config, LoadResult loaded) {
        return admit(config, loaded, "", (document, pointer) -> document);
    }

    /**
     * {@code prefix} is the path from the repository root to the directory the manifests were loaded from (empty,
     * or ending in {@code /}), so that {@code paths} rules see repository paths; {@code locator} finds the line of
     * a refused field from its document's start and its JSON pointer (a {@code FieldLocator}).
     */
    public static LoadResult admit(RepositoryConfig config, LoadResult loaded, String prefix,
                                   BiFunction<SourceLocation, String, SourceLocation> locator) {
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
                violations.forEach(v -> errors.add(new ManifestError(locator.apply(manifest.source(), v.pointer()),
                        v.pointer(), v.message())));
            }
        }
        errors.sort(ManifestError.ORDER);
        return new LoadResult(admitted, errors, loaded.invalidManifests() + refused, loaded.skippedDocuments());
    }
}
