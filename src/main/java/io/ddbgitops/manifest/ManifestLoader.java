package io.ddbgitops.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final InOrder files = new InOrder();

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
        return load(new DirectorySource(root));
    }

    /**
     * Every manifest of {@code source}, with the rules of {@link #load(Path)}. Streamed: each document is parsed,
     * validated and reduced to its {@link TableManifest} (or its errors) before the next is read, and its tree is
     * dropped, so memory grows with the small per-table model only, not with the parsed documents.
     */
    public LoadResult load(ManifestSource source) {
        ManifestFiles.Found found = ManifestFiles.find(source, limits);
        List<ManifestError> errors = new ArrayList<>(found.errors());
        List<Checked> documents = new ArrayList<>();
        DuplicateTables claims = new DuplicateTables();
        int[] counts = {0, 0, found.errors().size()}; // Dynamodb documents, other documents skipped, broken files
        AtomicBoolean overLimit = new AtomicBoolean(limits.manifests() <= 0);
        // a git tree is read through one object reader, which is not for several threads: the source is read in turn
        ManifestSource shared = new SerialSource(source);
        // files are parsed and checked side by side; their documents are counted and claimed in file order, as a
        // loop would, so the result is the same
        files.each(found.files(), file -> read(shared, file, overLimit), file -> {
            if (file.failure().isPresent()) {
                errors.add(file.failure().get());
                counts[2]++;
                return;
            }
            for (Document document : file.documents()) {
                if (!document.dynamodb()) {
                    counts[1]++;
                } else if (++counts[0] <= limits.manifests()) {
                    // past the limit only the count goes on, so that the error can say how many there are
                    Checked checked = document.checked().orElseThrow();
                    checked.claim().ifPresent(claims::claim);
                    documents.add(checked);
                }
            }
            // files read from now on only count their documents: every later one is past the limit
            overLimit.set(counts[0] >= limits.manifests());
        });
        int dynamodb = counts[0];
        int skipped = counts[1];
        int brokenFiles = counts[2];
        if (dynamodb > limits.manifests()) {
            errors.add(ManifestFiles.fileError(".", "the repository holds " + dynamodb
                    + " Dynamodb manifests; at most " + limits.manifests()
                    + " are loaded (limit: manifests per repository); nothing was loaded"));
            errors.sort(ManifestError.ORDER);
            return new LoadResult(List.of(), errors, brokenFiles + dynamodb, skipped);
        }
        return result(documents, claims.errors(), errors, skipped, brokenFiles);
    }

    /** One {@code kind: Dynamodb} document reduced to what is kept of it: the manifest or its errors, and its claim. */
    private record Checked(Optional<TableManifest> manifest, List<ManifestError> errors,
                           Optional<DuplicateTables.Claim> claim) {
    }

    /**
     * One file's documents in order, each {@code Dynamodb} one checked unless the limit is known to be reached (then
     * it is only counted), or why the file was refused. Runs on a worker thread.
     */
    private FileRead read(ManifestSource source, ManifestFiles.Candidate file, AtomicBoolean overLimit) {
        try {
            String content = text.read(source, file.entry(), file.size());
            List<Document> documents = new ArrayList<>();
            for (YamlDocument document : reader.read(file.name(), content)) {
                if (document.isEmpty()) {
                    continue;
                }
                boolean dynamodb = document.isDynamodb();
                documents.add(new Document(dynamodb, dynamodb && !overLimit.get()
                        ? Optional.of(check(source, file, document)) : Optional.empty()));
            }
            return new FileRead(documents, Optional.empty());
        } catch (IOException e) {
            return new FileRead(List.of(), Optional.of(ManifestFiles.unreadable(file.name(), e)));
        } catch (RejectedFile e) {
            return new FileRead(List.of(), Optional.of(new ManifestError(e.location(file.name()), "", e.getMessage())));
        }
    }

    /** A file as a worker read it: its non-empty documents in order, or the one error that refused it. */
    private record FileRead(List<Document> documents, Optional<ManifestError> failure) {
    }

    /** A non-empty document: whether it is {@code Dynamodb}, and its check (the tree itself is not kept). */
    private record Document(boolean dynamodb, Optional<Checked> checked) {
    }

    private Checked check(ManifestSource source, ManifestFiles.Candidate file, YamlDocument document) {
        // a policy file's text takes the place of its {file} first, so the rules below see one form only
        List<ManifestError> problems = new ArrayList<>(ResourcePolicyFiles.resolve(source, file.name(), document));
        problems.addAll(validator.validate(document));
        String region = document.root().path("spec").path("region").textValue();
        String table = document.root().path("spec").path("tablename").textValue();
        String account = document.root().path("spec").path("optional_spec").path("account")
                .asText(TableId.DEFAULT_ACCOUNT);
        Optional<DuplicateTables.Claim> claim = region == null || table == null ? Optional.empty()
                : Optional.of(new DuplicateTables.Claim(new TableId(account, region, table), document.start(),
                        document.locate("/spec/tablename")));
        Optional<TableManifest> manifest = problems.isEmpty()
                ? Optional.of(mapper.map(document.root(), document.start())) : Optional.empty();
        return new Checked(manifest, problems, claim);
    }

    private static LoadResult result(List<Checked> documents, Map<DuplicateTables.Claim, ManifestError> duplicates,
                                     List<ManifestError> errors, int skipped, int brokenFiles) {
        List<TableManifest> manifests = new ArrayList<>();
        int invalid = brokenFiles;
        for (Checked document : documents) {
            Optional<ManifestError> duplicate = document.claim().map(duplicates::get);
            if (document.manifest().isPresent() && duplicate.isEmpty()) {
                manifests.add(document.manifest().get());
            } else {
                invalid++;
                errors.addAll(document.errors());
                duplicate.ifPresent(errors::add);
            }
        }
        manifests.sort(Comparator.comparing(TableManifest::source, SourceLocation.ORDER));
        errors.sort(ManifestError.ORDER);
        return new LoadResult(manifests, errors, invalid, skipped);
    }
}
