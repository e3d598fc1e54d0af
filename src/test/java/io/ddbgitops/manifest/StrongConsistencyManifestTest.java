package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code multi_region_consistency} and {@code witness_region}: what is accepted, and every rejection. */
class StrongConsistencyManifestTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void mapsStrongWithAWitnessOrThreeReplicasAndEventualAsNothing() {
        LoadResult result = loader.load(Fixtures.scenario("strong-consistency/valid"));

        assertThat(result.errors()).isEmpty();
        Map<String, TableOptions> byName = result.manifests().stream()
                .collect(Collectors.toMap(TableManifest::name, TableManifest::options));
        assertThat(byName.get("ledger").strongConsistency()).contains(new StrongConsistency(Optional.of("us-west-2")));
        assertThat(byName.get("journal").strongConsistency()).contains(new StrongConsistency(Optional.empty()));
        assertThat(byName.get("audit").strongConsistency()).isEmpty();
        assertThat(byName.get("audit").strong()).isFalse();
    }

    @Test
    void rejectsEveryBadStrongManifestWithFileLineAndField() {
        LoadResult result = loader.load(Fixtures.scenario("strong-consistency/invalid"));

        assertThat(result.manifests()).isEmpty();
        assertThat(result.errors()).extracting(ManifestError::format).containsExactlyInAnyOrderElementsOf(List.of(
                "strong.yaml:13:5: spec.optional_spec.multi_region_consistency: STRONG needs exactly three regions: "
                        + "the table's, replicas and an optional witness_region (two replicas, or one replica and a "
                        + "witness); this manifest gives 4 (" + StrongConsistencyRules.SOURCE + ")",
                "strong.yaml:31:5: spec.optional_spec.witness_region: \"us-east-1\" is the table's own region; the "
                        + "witness must be a third region",
                "strong.yaml:44:5: spec.optional_spec.multi_region_consistency: \"strong\" is not one of EVENTUAL, "
                        + "STRONG"));
    }
}
