package io.ddbgitops.config;

import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.SchemaCheckedFile;
import io.ddbgitops.manifest.SourceLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code ddb-gitops.yaml} from a repository root and checks it against {@code schemas/config-v1.schema.json}
 * with the manifests' YAML reader and messages, then the rules that span fields ({@link ConfigMapper}). A missing
 * file is no config; anything else that is wrong with it, a symbolic link included, is an error.
 */
public final class ConfigLoader {
    /** Far above any real config; keeps a hostile file from costing the YAML parser minutes. */
    static final long MAX_BYTES = 1024 * 1024;
    private final SchemaCheckedFile schema = new SchemaCheckedFile("config-v1.schema.json");

    public ConfigLoad load(Path root) {
        Path file = root.resolve(RepositoryConfig.FILE);
        if (Files.isSymbolicLink(file)) {
            return fileError("is a symbolic link; the repository config is never read through a link");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return ConfigLoad.valid(RepositoryConfig.none());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return fileError("is not a regular file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return fileError("is " + size + " bytes; the repository config may be at most " + MAX_BYTES + " bytes");
            }
            return check(decode(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
            return fileError("cannot read: the file is not UTF-8 text");
        } catch (IOException e) {
            return fileError("cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Checks config text as if it were {@code ddb-gitops.yaml}. */
    public ConfigLoad check(String text) {
        SchemaCheckedFile.Checked checked = schema.check(RepositoryConfig.FILE, text);
        if (!checked.errors().isEmpty()) {
            return ConfigLoad.invalid(checked.errors());
        }
        return new ConfigMapper(checked).map();
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static ConfigLoad fileError(String message) {
        return ConfigLoad.invalid(List.of(new ManifestError(new SourceLocation(RepositoryConfig.FILE, 1, 1), "",
                RepositoryConfig.FILE + " " + message)));
    }
}
