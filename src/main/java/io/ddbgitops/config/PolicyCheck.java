package io.ddbgitops.config;

import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.SourceLocation;
import io.ddbgitops.manifest.Suggestions;
import io.ddbgitops.manifest.TableManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Applies the namespace policy to loaded manifests: a manifest outside its namespace's allowance is treated as an
 * invalid one (counted, its errors listed, never planned or applied), so one team cannot take another team's table
 * through the shared repository. Without a policy every manifest passes that check. A manifest naming an account
 * the config does not define is refused the same way, policy or not.
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
     * a refused field from its document's start and its JSON pointer (a {@code FieldLocator}). An account a manifest
     * names must be defined in the config, with or without a policy.
     */
    public static LoadResult admit(RepositoryConfig config, LoadResult loaded, String prefix,
                                   BiFunction<SourceLocation, String, SourceLocation> locator) {
        List<TableManifest> admitted = new ArrayList<>();
        List<ManifestError> errors = new ArrayList<>(loaded.errors());
        int refused = 0;
        for (TableManifest manifest : loaded.manifests()) {
            List<NamespacePolicy.Violation> violations = new ArrayList<>(undefinedAccount(config, manifest));
            config.policy().ifPresent(p -> violations.addAll(p.check(manifest, prefix + manifest.source().file())));
            if (violations.isEmpty()) {
                admitted.add(manifest);
            } else {
                refused++;
                violations.forEach(v -> errors.add(new ManifestError(locator.apply(manifest.source(), v.pointer()),
                        v.pointer(), v.message())));
            }
        }
        if (refused == 0) {
            return loaded;
        }
        errors.sort(ManifestError.ORDER);
        return new LoadResult(admitted, errors, loaded.invalidManifests() + refused, loaded.skippedDocuments());
    }

    /** {@code optional_spec.account} must name an account of the config ({@code default} needs none). */
    static List<NamespacePolicy.Violation> undefinedAccount(RepositoryConfig config, TableManifest manifest) {
        String account = manifest.account();
        if (account.equals(RepositoryConfig.DEFAULT_ACCOUNT) || config.accounts().containsKey(account)) {
            return List.of();
        }
        String pointer = "/spec/optional_spec/account";
        if (config.accounts().isEmpty()) {
            return List.of(new NamespacePolicy.Violation(pointer, "account \"" + account + "\" is not defined: "
                    + "accounts are defined in the repository config, " + RepositoryConfig.FILE
                    + " at the repository root, and it has none" + (config.equals(RepositoryConfig.none())
                    ? " (there is no such file)" : "") + "; without optional_spec.account the table is in the "
                    + "default credential chain's account"));
        }
        List<String> names = List.copyOf(config.accounts().keySet());
        return List.of(new NamespacePolicy.Violation(pointer, "account \"" + account + "\" is not defined in "
                + RepositoryConfig.FILE + " (accounts: " + String.join(", ", names) + ")"
                + Suggestions.closest(account, names).map(s -> "; did you mean \"" + s + "\"?").orElse("")));
    }
}
