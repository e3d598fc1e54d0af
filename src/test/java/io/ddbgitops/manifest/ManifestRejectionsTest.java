package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rejection rule of MANIFEST.md, one fixture file per theme in manifests/rejections/, compared with the
 * expected formatted errors in expected-errors.txt (file:line:column: field: message).
 */
class ManifestRejectionsTest {
    private static LoadResult result;

    @BeforeAll
    static void loadRejections() {
        result = new ManifestLoader().load(Fixtures.scenario("rejections"));
    }

    @Test
    void reportsEveryRejectionWithItsPlaceAndReason() throws IOException {
        Path expected = Fixtures.scenario("rejections").resolve("expected-errors.txt");
        List<String> actual = result.errors().stream().map(ManifestError::format).toList();
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expected, StandardCharsets.UTF_8));
    }

    @Test
    void countsEveryInvalidDocumentAndLoadsNoneOfThem() {
        // 14 files; billing.yaml holds two documents and restore.yaml three
        assertThat(result.invalidManifests()).isEqualTo(17);
        assertThat(result.manifests()).isEmpty();
        assertThat(result.skippedDocuments()).isZero();
    }

    @Test
    void reportsAllErrorsOfAFileTogether() {
        var byFile = result.errors().stream()
                .collect(Collectors.groupingBy(error -> error.location().file(), Collectors.counting()));
        assertThat(byFile.get("keys.yaml")).isEqualTo(5);
        assertThat(byFile.get("indexes.yaml")).isEqualTo(6);
    }
}
