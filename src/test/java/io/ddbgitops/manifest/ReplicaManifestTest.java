package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code replicas} items: bare region names and objects with a replica's own settings, and every rejection. */
class ReplicaManifestTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void mapsBareNamesAndReplicaSettingsSideBySide() {
        LoadResult result = loader.load(Fixtures.scenario("replica-settings/valid"));

        assertThat(result.errors()).isEmpty();
        TableOptions options = result.manifests().get(0).options();
        assertThat(options.replicas()).contains(List.of("eu-west-1", "ap-southeast-2", "us-west-2"));
        assertThat(options.replicaSpecs().orElseThrow()).containsExactly(
                ReplicaSpec.of("eu-west-1"),
                new ReplicaSpec("ap-southeast-2", Optional.of(25L), Optional.empty(),
                        Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS),
                        Optional.of("arn:aws:kms:ap-southeast-2:111111111111:key/abc"),
                        List.of(new ReplicaSpec.IndexOverride("byStatus", Optional.of(7L), Optional.empty()))),
                ReplicaSpec.of("us-west-2"));
        assertThat(options.replicaSpecs().orElseThrow()).extracting(ReplicaSpec::hasOwnSettings)
                .containsExactly(false, true, false);
    }

    @Test
    void rejectsEveryBadReplicaWithFileLineAndField() {
        LoadResult result = loader.load(Fixtures.scenario("replica-settings/invalid"));

        assertThat(result.manifests()).isEmpty();
        assertThat(result.errors()).extracting(ManifestError::format).containsExactlyInAnyOrderElementsOf(List.of(
                "shapes.yaml:18:9: spec.optional_spec.replicas.0.read_capacity_override: 0 is not an integer ≥ 1",
                "shapes.yaml:19:9: spec.optional_spec.replicas.0.table_class: \"COLD\" is not one of STANDARD, "
                        + "STANDARD_INFREQUENT_ACCESS",
                "shapes.yaml:20:9: spec.optional_spec.replicas.0.kms_key_id: only allowed when sse.type is KMS "
                        + "(the replica keeps the table's encryption type, in a key of its own region)",
                "shapes.yaml:21:9: spec.optional_spec.replicas.0.max_read_request_units: only allowed when "
                        + "billing_mode is PAY_PER_REQUEST; a provisioned replica takes read_capacity_override",
                "shapes.yaml:22:9: spec.optional_spec.replicas.1.region: required field is missing",
                "shapes.yaml:24:9: spec.optional_spec.replicas.2.read_capcity_override: unknown field; did you mean "
                        + "read_capacity_override? allowed: region, read_capacity_override, max_read_request_units, "
                        + "table_class, kms_key_id, global_secondary_indexes",
                "shapes.yaml:26:13: spec.optional_spec.replicas.2.global_secondary_indexes.0.index_name: "
                        + "\"byOwner\" is not one of the table's global_secondary_indexes",
                "shapes.yaml:28:13: spec.optional_spec.replicas.2.global_secondary_indexes.1.max_read_request_units: "
                        + "only allowed when billing_mode is PAY_PER_REQUEST; a provisioned replica takes "
                        + "read_capacity_override",
                "shapes.yaml:29:9: spec.optional_spec.replicas.3.region: \"us-east-1\" is the table's own region; "
                        + "list only the other regions",
                "shapes.yaml:30:9: spec.optional_spec.replicas.4: 42 is not a mapping",
                "shapes.yaml:45:9: spec.optional_spec.replicas.1.region: \"eu-west-1\" is listed more than once",
                "shapes.yaml:46:9: spec.optional_spec.replicas.1.read_capacity_override: only allowed when "
                        + "billing_mode is PROVISIONED; an on-demand replica takes max_read_request_units"));
    }
}
