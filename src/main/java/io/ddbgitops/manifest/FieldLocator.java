package io.ddbgitops.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds again where a field of a loaded manifest was written, for checks made after loading (the namespace
 * policy): the manifest keeps only where its document starts. The file is read again only for such a finding,
 * and anything unexpected (the file changed or went, a link) falls back to the document's start.
 */
public final class FieldLocator {
    private final ManifestSource source;
    private final ManifestText text = new ManifestText(ManifestLimits.DEFAULT);
    private final YamlReader reader = new YamlReader(ManifestLimits.DEFAULT);

    /** {@code root} is the directory the manifests were loaded from; their file names are relative to it. */
    public FieldLocator(Path root) {
        this(new DirectorySource(root));
    }

    /** {@code source} is what the manifests were loaded from. */
    public FieldLocator(ManifestSource source) {
        this.source = source;
    }

    /** Where {@code pointer} (or its nearest written parent) is in the document that starts at {@code document}. */
    public SourceLocation locate(SourceLocation document, String pointer) {
        try {
            Optional<SourceEntry> file = source.entry(document.file());
            if (file.isEmpty() || file.get().kind() != SourceEntry.Kind.FILE) {
                return document;
            }
            for (YamlDocument yaml : reader.read(document.file(), text.read(source, file.get(), source.size(file.get())))) {
                if (document.equals(yaml.start())) {
                    return yaml.locate(pointer);
                }
            }
        } catch (IOException | RejectedFile e) {
            return document;
        }
        return document;
    }
}
