package io.ddbgitops.manifest;

import java.io.IOException;
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

    private final ManifestLimits limits;
    private final ManifestText text;
    private final YamlReader reader;
    private final DocumentValidator validator;
    private final ManifestMapper mapper = new ManifestMapper();

    /** Loads {@code /schemas/dynamodb-v1.schema.json} from the classpath; reads within {@link ManifestLimits#DEFAULT}. */
    public ManifestLoader() {
        this(ManifestLimits.DEFAULT);
    }

    public ManifestLoader(ManifestLimits limits) {
        this(limits, KnownRegions.ANY);
    }

    /** A loader that also rejects regions outside {@code regions} (the command line passes the SDK's list). */
    public ManifestLoader(ManifestLimits limits, KnownRegions regions) {
        this.limits = limits;
        this.text = new ManifestText(limits);
        this.reader = new YamlReader(limits);
        this.validator = new DocumentValidator(new ManifestSchema(), new SemanticRules(regions));
    }

    /**
     * Every *.yaml / *.yml under root, recursively, skipping hidden files and folders (.git) and the top-level
     * {@code drift/} report folder; symbolic links are reported, never followed. Never throws for a bad,
     * hostile or unreadable file: that is an error in the result (see {@link ManifestLimits}).
     */
    public LoadResult load(Path root) {
        ManifestFiles.Found found = ManifestFiles.find(root, limits);
        List<ManifestError> errors = new ArrayList<>(found.errors());
        List<CheckedDocument> documents = new ArrayList<>();
        int skipped = 0;
        int brokenFiles = found.errors().size();
        for (ManifestFiles.Candidate file : found.files()) {
            try {
                String content = text.read(file.path(), file.size());
                for (YamlDocument document : reader.read(file.name(), content)) {
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
                errors.add(ManifestFiles.unreadable(root, file.path(), e));
                brokenFiles++;
            } catch (RejectedFile e) {
                errors.add(new ManifestError(e.location(file.name()), "", e.getMessage()));
                brokenFiles++;
            }
        }
        if (documents.size() > limits.manifests()) {
            errors.add(ManifestFiles.fileError(".", "the repository holds " + documents.size()
                    + " Dynamodb manifests; at most " + limits.manifests()
                    + " are loaded (limit: manifests per repository); nothing was loaded"));
            return result(List.of(), errors, skipped, brokenFiles + documents.size());
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
