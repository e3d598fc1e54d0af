package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A YAML file of exactly one document checked against one of our JSON schemas, with the errors manifests get:
 * file:line:column, the field, what was found and what is allowed. The repository config is read with it, so
 * that it shares the manifests' reading limits, YAML reader and schema messages instead of having its own.
 */
public final class SchemaCheckedFile {
    private final ManifestText text = new ManifestText(ManifestLimits.DEFAULT);
    private final YamlReader reader = new YamlReader(ManifestLimits.DEFAULT);
    private final DocumentValidator validator;

    /** {@code schemaFile} is a schema under {@code schemas/} on the classpath, e.g. {@code config-v1.schema.json}. */
    public SchemaCheckedFile(String schemaFile) {
        this.validator = new DocumentValidator(new ManifestSchema(schemaFile), root -> List.of());
    }

    /**
     * Reads {@code file} (named {@code name} in errors) within the manifests' limits, never through a symbolic
     * link, and checks it. The caller says what a missing file means.
     */
    public Checked read(Path file, String name) {
        try {
            Optional<SourceEntry> entry = new DirectorySource(file.getParent()).entry(file.getFileName().toString());
            return entry.isEmpty() ? failed(name, 1, 1, "not a regular file")
                    : read(new DirectorySource(file.getParent()), entry.get(), name);
        } catch (IOException e) {
            return failed(name, 1, 1, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Reads {@code file} of {@code source} (named {@code name} in errors), as {@link #read(Path, String)} does. */
    public Checked read(ManifestSource source, SourceEntry file, String name) {
        if (file.kind() == SourceEntry.Kind.LINK || file.kind() == SourceEntry.Kind.FOLDER_LINK) {
            return failed(name, 1, 1, "the file is a symbolic link; it is never read through a link");
        }
        if (file.kind() != SourceEntry.Kind.FILE) {
            return failed(name, 1, 1, "not a regular file");
        }
        try {
            return check(name, text.read(source, file, source.size(file)));
        } catch (RejectedFile e) {
            return new Checked(Optional.empty(), List.of(new ManifestError(e.location(name), "", e.getMessage())));
        } catch (IOException e) {
            return failed(name, 1, 1, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The document and every error found in it; {@link Checked#root()} is empty when there is no readable document. */
    public Checked check(String name, String content) {
        List<YamlDocument> documents;
        try {
            text.check(content);
            documents = reader.read(name, content);
        } catch (RejectedFile e) {
            return new Checked(Optional.empty(), List.of(new ManifestError(e.location(name), "", e.getMessage())));
        }
        if (documents.isEmpty() || documents.get(0).isEmpty()) {
            return failed(name, 1, 1, "the file holds no document; write one, or delete the file");
        }
        YamlDocument document = documents.get(0);
        if (documents.size() > 1) {
            return new Checked(Optional.of(document), List.of(new ManifestError(documents.get(1).start(), "",
                    "the file holds " + documents.size() + " documents; one is expected")));
        }
        return new Checked(Optional.of(document), validator.validate(document));
    }

    private static Checked failed(String name, int line, int column, String message) {
        return new Checked(Optional.empty(), List.of(new ManifestError(new SourceLocation(name, line, column), "",
                message)));
    }

    /** One checked document: its tree, where each field was written, and its errors (none: it matches the schema). */
    public static final class Checked {
        private final Optional<YamlDocument> document;
        private final List<ManifestError> errors;

        private Checked(Optional<YamlDocument> document, List<ManifestError> errors) {
            this.document = document;
            this.errors = List.copyOf(errors);
        }

        public Optional<JsonNode> root() {
            return document.map(YamlDocument::root);
        }

        public List<ManifestError> errors() {
            return errors;
        }

        /** An error at {@code pointer} (a JSON pointer), placed where that field, or its nearest parent, was written. */
        public ManifestError error(String pointer, String message) {
            return new ManifestError(locate(pointer), pointer, message);
        }

        /** Where {@code pointer} was written, or its nearest written ancestor. */
        public SourceLocation locate(String pointer) {
            return document.orElseThrow(() -> new IllegalStateException("no document")).locate(pointer);
        }
    }
}
