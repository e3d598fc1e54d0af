package io.ddbgitops.config;

import io.ddbgitops.manifest.SchemaCheckedFile;

import io.ddbgitops.manifest.DirectorySource;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.ManifestSource;
import io.ddbgitops.manifest.SourceEntry;
import io.ddbgitops.manifest.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code ddb-gitops.yaml} from a repository root and checks it against {@code schemas/config-v1.schema.json}
 * with the manifests' limits, YAML reader and messages, then the rules that span fields ({@link ConfigMapper}). A
 * missing file is no config; anything else that is wrong with it, a symbolic link included, is an error.
 */
public final class ConfigLoader {
    private final SchemaCheckedFile schema = new SchemaCheckedFile("config-v1.schema.json");

    public ConfigLoad load(Path root) {
        return load(new DirectorySource(root));
    }

    /** The config at the root of {@code source} (a directory, or a commit read from git objects). */
    public ConfigLoad load(ManifestSource source) {
        Optional<SourceEntry> file;
        try {
            file = source.entry(RepositoryConfig.FILE);
        } catch (IOException e) {
            return ConfigLoad.invalid(List.of(new ManifestError(new SourceLocation(RepositoryConfig.FILE, 1, 1), "",
                    "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        if (file.isEmpty()) {
            return ConfigLoad.valid(RepositoryConfig.none());
        }
        return mapped(schema.read(source, file.get(), RepositoryConfig.FILE));
    }

    /** Checks config text as if it were {@code ddb-gitops.yaml}. */
    public ConfigLoad check(String text) {
        return mapped(schema.check(RepositoryConfig.FILE, text));
    }

    private static ConfigLoad mapped(SchemaCheckedFile.Checked checked) {
        return checked.errors().isEmpty() ? new ConfigMapper(checked).map() : ConfigLoad.invalid(checked.errors());
    }
}
