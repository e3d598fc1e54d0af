package io.ddbgitops.config;

import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading the repository config: the config when it is valid, otherwise every error in it. An
 * invalid config never stands in for "no config": a broken policy must not mean that everything is allowed.
 */
public record ConfigLoad(Optional<RepositoryConfig> config, List<ManifestError> errors) {
    public ConfigLoad {
        errors = List.copyOf(errors);
        if (config.isPresent() == !errors.isEmpty()) {
            throw new IllegalArgumentException("a config load has either a config or errors");
        }
    }

    static ConfigLoad valid(RepositoryConfig config) {
        return new ConfigLoad(Optional.of(config), List.of());
    }

    static ConfigLoad invalid(List<ManifestError> errors) {
        return new ConfigLoad(Optional.empty(), errors);
    }

    public boolean isValid() {
        return config.isPresent();
    }

    /**
     * The manifest loader reads every YAML file, so when {@code ddb-gitops.yaml} is not YAML at all it reports the
     * file too (as one broken file). The config's own errors say it better; this drops the loader's copy.
     */
    public static LoadResult withoutConfigFile(LoadResult loaded) {
        List<ManifestError> others = loaded.errors().stream()
                .filter(e -> !e.location().file().equals(RepositoryConfig.FILE)).toList();
        int brokenConfig = others.size() == loaded.errors().size() ? 0 : 1;
        return new LoadResult(loaded.manifests(), others, loaded.invalidManifests() - brokenConfig,
                loaded.skippedDocuments());
    }
}
