package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void loadsTheSeedManifestExactlyAsWritten() {
        LoadResult result = loader.load(Fixtures.scenario("seed"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.manifests()).containsExactly(new TableManifest(
                new SourceLocation("team/dynamodb.yaml", 1, 1), "<namespace>", "<projectname>",
                "us-east-1", "TableName2",
                new KeyAttribute("name", AttributeType.S), Optional.of(new KeyAttribute("age", AttributeType.N)),
                Optional.of(true), 20, 30, TableOptions.defaults()));
    }

    @Test
    void rejectsHashSortKeyAtItsKey() {
        LoadResult result = loader.load(Fixtures.scenario("hash-sort-key"));

        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                "shop/orders.yaml:14:5: spec.optional_spec.sort_key_keytype: "
                        + "\"HASH\" is not allowed; a sort key is always RANGE");
        assertThat(result.errors().get(0).pointer()).isEqualTo("/spec/optional_spec/sort_key_keytype");
        assertThat(result.manifests()).isEmpty();
        assertThat(result.invalidManifests()).isEqualTo(1);
    }

    @Test
    void skipsOtherKindsAndIgnoresEmptyDocumentsAndSections() {
        LoadResult result = loader.load(Fixtures.scenario("multi-document"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.skippedDocuments()).isEqualTo(1);
        assertThat(result.manifests()).singleElement().satisfies(manifest -> {
            assertThat(manifest.source()).hasToString("shop.yaml:9:1");
            assertThat(manifest.id()).isEqualTo("shop/orders");
            assertThat(manifest.tableId()).isEqualTo(new TableId("eu-west-1", "Orders"));
            assertThat(manifest.pitr()).isEmpty();
            assertThat(manifest.readCapacity()).isEqualTo(TableManifest.DEFAULT_CAPACITY);
            assertThat(manifest.writeCapacity()).isEqualTo(TableManifest.DEFAULT_CAPACITY);
            assertThat(manifest.options()).isEqualTo(TableOptions.defaults());
        });
    }

    @Test
    void loadsTheValidDocumentNextToAnInvalidOne() {
        LoadResult result = loader.load(Fixtures.scenario("mixed"));

        assertThat(result.manifests()).singleElement().satisfies(manifest -> {
            assertThat(manifest.id()).isEqualTo("default/fine");
            assertThat(manifest.readCapacity()).isEqualTo(5);
        });
        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                "tables.yaml:9:3: spec.pri_key_attributetype: \"X\" is not one of S, N, B",
                "tables.yaml:10:3: spec.readcapacityunits: \"abc\" is not an integer ≥ 1");
        assertThat(result.invalidManifests()).isEqualTo(1);
    }

    @Test
    void reportsInvalidYamlAsOneErrorAtTheParsersPosition() {
        LoadResult result = loader.load(Fixtures.scenario("invalid-yaml"));

        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                "broken.yaml:4:10: (document): not valid YAML: mapping values are not allowed here");
        assertThat(result.manifests()).extracting(TableManifest::name).containsExactly("fine");
        assertThat(result.invalidManifests()).isEqualTo(1);
    }

    @Test
    void namesTheOtherManifestWhenTwoDeclareTheSameTable() {
        LoadResult result = loader.load(Fixtures.scenario("duplicates"));

        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                "a/orders.yaml:7:3: spec.tablename: table us-east-1/Orders is also declared in b/tables.yaml:1",
                "b/tables.yaml:7:3: spec.tablename: table us-east-1/Orders is also declared in a/orders.yaml:1");
        assertThat(result.invalidManifests()).isEqualTo(2);
        // the same table name in another region is another table; results are sorted by file, then position
        assertThat(result.manifests()).extracting(manifest -> manifest.source().toString())
                .containsExactly("b/orders-eu.yaml:1:1", "b/tables.yaml:11:1");
    }

    @Test
    void skipsDotDirectoriesAndTheTopLevelDriftFolder(@TempDir Path temp) throws IOException {
        Path repo = copy(Fixtures.scenario("skipped-dirs"), temp.resolve("repo"));
        // a .git folder cannot be committed as a fixture, so it is made here
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/copy.yaml"), "not: [yaml");

        LoadResult result = loader.load(repo);

        assertThat(result.errors()).isEmpty();
        assertThat(result.manifests()).extracting(manifest -> manifest.source().file())
                .containsExactly("apps/drift/table.yaml", "apps/kept.yml");
    }

    @Test
    void walksAFolderNamedLikeAManifestInsteadOfReadingIt(@TempDir Path repo) throws IOException {
        Path folder = Files.createDirectories(repo.resolve("tables.yaml"));
        Files.writeString(folder.resolve("orders.yaml"), "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n"
                + "  name: orders\nspec:\n  region: us-east-1\n  tablename: Orders\n"
                + "  pri_key_attributename: id\n  pri_key_attributetype: S\n");

        LoadResult result = loader.load(repo);

        assertThat(result.errors()).isEmpty();
        assertThat(result.manifests()).extracting(manifest -> manifest.source().file())
                .containsExactly("tables.yaml/orders.yaml");
    }

    @Test
    void reportsAnUnreadableFileAndKeepsGoing(@TempDir Path repo) throws IOException {
        Files.write(repo.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.copy(Fixtures.scenario("invalid-yaml").resolve("fine.yaml"), repo.resolve("fine.yaml"));

        LoadResult result = loader.load(repo);

        assertThat(result.errors()).extracting(ManifestError::format)
                .containsExactly("latin1.yaml:1:10: (document): the file is not UTF-8 text: byte 0xE9 cannot be "
                        + "read as UTF-8; save the file as UTF-8");
        assertThat(result.manifests()).extracting(TableManifest::name).containsExactly("fine");
    }

    @Test
    void reportsAMissingDirectoryAsAnError(@TempDir Path temp) {
        LoadResult result = loader.load(temp.resolve("absent"));

        assertThat(result.manifests()).isEmpty();
        assertThat(result.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("cannot read: NoSuchFileException"));
    }

    @Test
    void limitsHowManyIndexesAndTagsATableHas(@TempDir Path repo) throws IOException {
        StringBuilder yaml = new StringBuilder(table("Crowded") + "  optional_spec:\n"
                + "    sort_key_attributename: at\n    sort_key_attributetype: S\n    tags:\n");
        for (int i = 0; i < 51; i++) {
            yaml.append("      tag").append(i).append(": v\n");
        }
        yaml.append("    global_secondary_indexes:\n");
        for (int i = 0; i < 21; i++) {
            yaml.append("      - {index_name: gsi").append(i)
                    .append(", pri_key_attributename: k, pri_key_attributetype: S, projection: ALL}\n");
        }
        yaml.append("    local_secondary_indexes:\n");
        for (int i = 0; i < 6; i++) {
            yaml.append("      - {index_name: lsi").append(i)
                    .append(", sort_key_attributename: s, sort_key_attributetype: S, projection: ALL}\n");
        }
        Files.writeString(repo.resolve("crowded.yaml"), yaml);

        LoadResult result = loader.load(repo);

        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                "crowded.yaml:13:5: spec.optional_spec.tags: has 51 entries; at most 49 are allowed (AWS allows 50 "
                        + "tags per table, and ddb-gitops adds its ownership tag ddb-gitops/manifest)",
                "crowded.yaml:65:5: spec.optional_spec.global_secondary_indexes: "
                        + "has 21 entries; at most 20 are allowed",
                "crowded.yaml:87:5: spec.optional_spec.local_secondary_indexes: has 6 entries; at most 5 are allowed");
    }

    @Test
    void rejectsYamlAliasesRatherThanReadingTheAnchorName(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("alias.yaml"), table("Aliased").replace("region: us-east-1",
                "region: &home us-east-1") + "  optional_spec:\n    replicas: [*home]\n");

        LoadResult result = loader.load(repo);

        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                "alias.yaml:11:16: spec.optional_spec.replicas.0: YAML aliases (*home) are not supported; "
                        + "write the value out");
    }

    private static String table(String name) {
        return String.join("\n", "apiVersion: prsn.io/v1", "kind: Dynamodb", "metadata:", "  name: " + name,
                "spec:", "  region: us-east-1", "  tablename: " + name, "  pri_key_attributename: id",
                "  pri_key_attributetype: S", "");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
