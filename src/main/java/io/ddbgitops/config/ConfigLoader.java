package io.ddbgitops.config;

import io.ddbgitops.manifest.SchemaCheckedFile;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reads {@code ddb-gitops.yaml} from a repository root and checks it against {@code schemas/config-v1.schema.json}
 * with the manifests' limits, YAML reader and messages, then the rules that span fields ({@link ConfigMapper}). A
 * missing file is no config; anything else that is wrong with it, a symbolic link included, is an error.
 */
public final class ConfigLoader {
    private final SchemaCheckedFile schema = new SchemaCheckedFile("config-v1.schema.json");

    public ConfigLoad load(Path root) {
        Path file = root.resolve(RepositoryConfig.FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return ConfigLoad.valid(RepositoryConfig.none());
        }
        return mapped(schema.read(file, RepositoryConfig.FILE));
    }

    /** Checks config text as if it were {@code ddb-gitops.yaml}. */
    public ConfigLoad check(String text) {
        return mapped(schema.check(RepositoryConfig.FILE, text));
    }

    private static ConfigLoad mapped(SchemaCheckedFile.Checked checked) {
        return checked.errors().isEmpty() ? new ConfigMapper(checked).map() : ConfigLoad.invalid(checked.errors());
    }
}
