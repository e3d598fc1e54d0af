package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code import}: every field mapped, and AWS's defaults where one is left out (the rejections are in the corpus). */
class ImportManifestTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void mapsEveryImportFieldAndDefaultsTheCompressionToNone() {
        LoadResult result = loader.load(Fixtures.scenario("import/valid"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.manifests()).extracting(m -> m.options().s3Import().orElseThrow()).containsExactly(
                new ImportSpec("shop-exports", Optional.of("orders/2026-11-30/"), Optional.of("111111111111"),
                        ImportSpec.Format.CSV, ImportSpec.Compression.GZIP, Optional.of("\t"),
                        Optional.of(List.of("customer", "placedAt", "total"))),
                new ImportSpec("shop-exports", Optional.empty(), Optional.empty(), ImportSpec.Format.DYNAMODB_JSON,
                        ImportSpec.Compression.NONE, Optional.empty(), Optional.empty()));
    }

    @Test
    void describesTheSourceAsThePlanShowsIt() {
        LoadResult result = loader.load(Fixtures.scenario("import/valid"));

        assertThat(result.manifests().get(0).options().s3Import().orElseThrow().describe())
                .isEqualTo("s3://shop-exports/orders/2026-11-30/ (CSV, GZIP, owner 111111111111, delimiter \\t, "
                        + "header customer,placedAt,total)");
        assertThat(result.manifests().get(1).options().s3Import().orElseThrow().describe())
                .isEqualTo("s3://shop-exports/ (DYNAMODB_JSON, NONE)");
    }
}
