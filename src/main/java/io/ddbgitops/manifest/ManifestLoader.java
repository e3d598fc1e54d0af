package io.ddbgitops.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Loads every {@code kind: Dynamodb} manifest under a directory and validates it: the YAML, the JSON schema
 * ({@code /schemas/dynamodb-v1.schema.json}), the rules a schema cannot express, and that no two manifests
 * claim the same table. Invalid documents are reported with file:line:column and left out; the others load.
 */
public final class ManifestLoader {

    private final YamlReader reader = new YamlReader();
    private final DocumentValidator validator;
    private final ManifestMapper mapper = new ManifestMapper();

    /** Loads {@code /schemas/dynamodb-v1.schema.json} from the classpath. */
    public ManifestLoader() {
        this.validator = new DocumentValidator(new ManifestSchema(), new SemanticRules());
    }

    /**
     * Every *.yaml / *.yml under root, recursively, skipping dot-directories (.git) and the top-level
     * {@code drift/} report folder. Never throws for a bad or unreadable file: that is an error in the result.
     */
    public LoadResult load(Path root) {
        ManifestFiles.Found found = ManifestFiles.find(root);
        List<ManifestError> errors = new ArrayList<>(found.errors());
        List<CheckedDocument> documents = new ArrayList<>();
        int skipped = 0;
        int brokenFiles = 0;
        for (Path file : found.files()) {
            String name = ManifestFiles.relative(root, file);
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (YamlDocument document : reader.read(name, text)) {
                    if (document.isEmpty()) {
                        continue;
                    }
                    if (!document.isDynamodb()) {
                        skipped++;
                        continue;
                    }
                    documents.add(new CheckedDocument(document, validator.validate(document)));
                }
            } catch (IOException e) {
                errors.add(ManifestFiles.unreadable(root, file, e));
                brokenFiles++;
            } catch (YamlReader.InvalidYamlException e) {
                errors.add(new ManifestError(e.location(name), "", e.getMessage()));
                brokenFiles++;
            }
        }
        DuplicateTables.mark(documents);
        return result(documents, errors, skipped, brokenFiles);
    }

    private LoadResult result(List<CheckedDocument> documents, List<ManifestError> errors, int skipped,
                              int brokenFiles) {
        List<TableManifest> manifests = new ArrayList<>();
        int invalid = brokenFiles;
        for (CheckedDocument document : documents) {
            if (document.errors().isEmpty()) {
                manifests.add(mapper.map(document.yaml().root(), document.yaml().start()));
            } else {
                invalid++;
                errors.addAll(document.errors());
            }
        }
        manifests.sort(Comparator.comparing(TableManifest::source, SourceLocation.ORDER));
        errors.sort(ManifestError.ORDER);
        return new LoadResult(manifests, errors, invalid, skipped);
    }
}
