package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits that concern a whole repository ({@link ManifestLimits}): past them nothing is loaded (so nothing
 * is applied and nothing pruned), and one error names the limit. Checked with small limits (the defaults would
 * need 10,001 files); the defaults themselves are pinned by {@link #defaultsAreTheDocumentedOnes()}. Also: the
 * root given may itself be a link.
 */
class RepositoryLimitsTest {
    private static final ManifestLimits SMALL = new ManifestLimits(1000, 200, 5, 8, 3, 10, 3000, 10);
    private final ManifestLoader loader = new ManifestLoader(SMALL);

    @TempDir
    Path repo;

    @Test
    void refusesMoreYamlFilesThanTheLimitBeforeReadingAny() throws IOException {
        for (int i = 0; i <= SMALL.files(); i++) {
            Files.writeString(repo.resolve("f" + i + ".yaml"), "a: 1\n");
        }

        LoadResult result = loader.load(repo);

        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                ".:1:1: (document): the repository holds 11 YAML files; at most 10 are read "
                        + "(limit: files per repository); nothing was loaded");
        assertThat(result.invalidManifests()).isPositive();
        assertThat(result.skippedDocuments()).isZero();
    }

    @Test
    void refusesMoreBytesThanTheLimitBeforeReadingAny() throws IOException {
        String filler = "# filler\n".repeat(100);
        for (int i = 0; i < 4; i++) {
            Files.writeString(repo.resolve("f" + i + ".yaml"), filler);
        }
        Files.writeString(repo.resolve("orders.yaml"), Manifest.of("Orders"));
        // a file over the per-file limit is refused on its own and does not count towards the total
        Files.writeString(repo.resolve("huge.yaml"), filler.repeat(10));

        LoadResult result = loader.load(repo);

        assertThat(result.manifests()).isEmpty();
        assertThat(result.errors()).extracting(ManifestError::message).containsExactly(
                "the repository's YAML files hold " + (4 * filler.length() + Manifest.of("Orders").length())
                        + " bytes; at most 3000 are read (limit: bytes per repository); nothing was loaded");
    }

    @Test
    void refusesMoreManifestsThanTheLimit() throws IOException {
        String five = "---\nkind: Dynamodb\n".repeat(SMALL.documentsPerFile());
        Files.writeString(repo.resolve("f1.yaml"), five);
        Files.writeString(repo.resolve("f2.yaml"), five);
        Files.writeString(repo.resolve("orders.yaml"), Manifest.of("Orders"));

        LoadResult result = loader.load(repo);

        assertThat(result.manifests()).isEmpty();
        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                ".:1:1: (document): the repository holds 11 Dynamodb manifests; at most 10 are loaded "
                        + "(limit: manifests per repository); nothing was loaded");
        assertThat(result.invalidManifests()).isEqualTo(11);
    }

    @Test
    void manyFilesReadSideBySideGiveTheResultOfOneAtATime() throws IOException {
        // enough files for the loader's workers; duplicates across files and the limit are decided in file order
        ManifestLimits limits = new ManifestLimits(1000, 200, 200, 8, 3, 1000, 100_000, 60);
        for (int i = 0; i < 60; i++) {
            Files.writeString(repo.resolve(String.format("t%02d.yaml", i)), Manifest.of("Tab" + (i % 50)));
        }
        Files.writeString(repo.resolve("t30.yaml"), "kind: Dynamodb\nspec: [");

        LoadResult result = new ManifestLoader(limits).load(repo);

        // Tab0..Tab9 are declared twice (t00 and t50, ...); t30 is refused; 59 documents, 39 good ones
        assertThat(result.manifests()).extracting(TableManifest::tableName).hasSize(39)
                .doesNotContain("Tab0", "Tab9", "Tab30").contains("Tab10", "Tab49");
        assertThat(result.invalidManifests()).isEqualTo(21);
        assertThat(result.errors()).hasSize(21).first().extracting(ManifestError::format).asString()
                .startsWith("t00.yaml:").contains("table us-east-1/Tab0 is also declared in t50.yaml:1");

        // one over the limit: nothing loads, and the count is of every document, as one at a time would say
        LoadResult over = new ManifestLoader(new ManifestLimits(1000, 200, 200, 8, 3, 1000, 100_000, 58)).load(repo);
        assertThat(over.manifests()).isEmpty();
        assertThat(over.errors()).extracting(ManifestError::format).contains(".:1:1: (document): the repository "
                + "holds 59 Dynamodb manifests; at most 58 are loaded (limit: manifests per repository); nothing was loaded");
    }

    @Test
    void stopsAFileAtTheFirstLimitItPassesAndKeepsLoadingTheOthers() throws IOException {
        Files.writeString(repo.resolve("orders.yaml"), Manifest.of("Orders"));
        Files.writeString(repo.resolve("aliases.yaml"), "a: &a 1\nb: [*a, *a, *a, *a]\n");
        Files.writeString(repo.resolve("deep.yaml"), "a: " + "{b: ".repeat(8) + "1" + "}".repeat(8) + "\n");
        Files.writeString(repo.resolve("documents.yaml"), "---\na: 1\n".repeat(6));
        Files.writeString(repo.resolve("line.yaml"), "a: " + "x".repeat(300) + "\n");

        LoadResult result = loader.load(repo);

        assertThat(result.errors()).extracting(ManifestError::format).containsExactly(
                "aliases.yaml:2:17: (document): more than 3 YAML aliases in one file (limit: aliases); "
                        + "none is expanded",
                "deep.yaml:1:32: (document): mappings and lists nested more than 8 levels deep (limit: depth)",
                "documents.yaml:11:1: (document): more than 5 YAML documents (---) in one file "
                        + "(limit: documents per file); split the file",
                "line.yaml:1:201: (document): line 1 is longer than 200 characters (limit: line length)");
        assertThat(result.manifests()).extracting(TableManifest::name).containsExactly("orders");
        assertThat(result.invalidManifests()).isEqualTo(4);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(ManifestLimits.DEFAULT).isEqualTo(new ManifestLimits(1_048_576, 32_768, 1000, 32, 20, 10_000,
                16_777_216, 10_000));
    }

    @Test
    void followsTheRootItselfWhenItIsALinkButNothingBelowIt(@TempDir Path other) throws IOException {
        Files.writeString(repo.resolve("orders.yaml"), Manifest.of("Orders"));
        Path link = Files.createSymbolicLink(other.resolve("checkout"), repo);

        LoadResult result = loader.load(link);

        assertThat(result.errors()).isEmpty();
        assertThat(result.manifests()).extracting(m -> m.source().file()).containsExactly("orders.yaml");
        Files.delete(link);
    }

    /** A minimal valid manifest. */
    static final class Manifest {
        static String of(String table) {
            return "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n  name: " + table.toLowerCase()
                    + "\nspec:\n  region: us-east-1\n  tablename: " + table
                    + "\n  pri_key_attributename: id\n  pri_key_attributetype: S\n";
        }
    }
}
