package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code autoscaling} on a table and on a global index: the shapes accepted, and every rejection with its place. */
class AutoScalingManifestTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void mapsTableAndIndexScalingWithOptionalCooldowns() {
        LoadResult result = loader.load(Fixtures.scenario("autoscaling/valid"));

        assertThat(result.errors()).isEmpty();
        TableManifest orders = result.manifests().get(0);
        AutoScalingSpec table = orders.options().autoScaling().orElseThrow();
        assertThat(table.read()).contains(new AutoScalingSpec.Dimension(5, 400, 70, Optional.of(60), Optional.of(0)));
        assertThat(table.write()).contains(new AutoScalingSpec.Dimension(25, 100, 45.5, Optional.empty(),
                Optional.empty()));
        GlobalSecondaryIndex byStatus = orders.options().globalSecondaryIndexes().orElseThrow().get(0);
        assertThat(byStatus.autoScaling()).contains(new AutoScalingSpec(
                Optional.of(new AutoScalingSpec.Dimension(2, 20, 20, Optional.empty(), Optional.empty())),
                Optional.empty()));
        assertThat(orders.options().globalSecondaryIndexes().orElseThrow().get(1).autoScaling()).isEmpty();
    }

    @Test
    void aCapacityLeftOutOfAScaledDimensionStartsAtItsMinimum() {
        TableManifest orders = loader.load(Fixtures.scenario("autoscaling/valid")).manifests().get(0);

        assertThat(orders.readCapacity()).as("read: not given, scaled with min 5").isEqualTo(5);
        assertThat(orders.writeCapacity()).as("write: given").isEqualTo(30);
        GlobalSecondaryIndex byStatus = orders.options().globalSecondaryIndexes().orElseThrow().get(0);
        assertThat(byStatus.readCapacity()).contains(2L);
        assertThat(byStatus.writeCapacity()).contains(7L);
        GlobalSecondaryIndex byDate = orders.options().globalSecondaryIndexes().orElseThrow().get(1);
        assertThat(byDate.readCapacity()).as("not scaled: the table's, as before").isEmpty();
    }

    @Test
    void rejectsEveryBadShapeWithFileLineAndField() {
        LoadResult result = loader.load(Fixtures.scenario("autoscaling/invalid"));

        assertThat(result.manifests()).isEmpty();
        assertThat(result.invalidManifests()).isEqualTo(3);
        assertThat(result.errors()).extracting(ManifestError::format).containsExactlyInAnyOrderElementsOf(List.of(
                "shapes.yaml:13:9: spec.optional_spec.autoscaling.read.min: 0 is not an integer ≥ 1",
                "shapes.yaml:15:9: spec.optional_spec.autoscaling.read.target_utilization: 95 is not a number from "
                        + "20 to 90",
                "shapes.yaml:16:9: spec.optional_spec.autoscaling.read.scale_in_cooldown: -1 is not a number of "
                        + "seconds ≥ 0",
                "shapes.yaml:17:7: spec.optional_spec.autoscaling.write.min: required field is missing",
                "shapes.yaml:20:9: spec.optional_spec.autoscaling.write.burst: unknown field; allowed: "
                        + "min, max, target_utilization, scale_in_cooldown, scale_out_cooldown",
                "shapes.yaml:21:7: spec.optional_spec.autoscaling.both: unknown field; allowed: read, write",
                "shapes.yaml:27:9: spec.optional_spec.global_secondary_indexes.0.autoscaling: is empty; at least "
                        + "1 entry is required",
                "shapes.yaml:41:9: spec.optional_spec.autoscaling.write.min: 50 is more than max (10); "
                        + "min must not exceed max",
                "shapes.yaml:43:9: spec.optional_spec.autoscaling.write.target_utilization: 19.5 is not a "
                        + "number from 20 to 90",
                "shapes.yaml:46:9: spec.optional_spec.autoscaling.read.max: 3000000000 is more than 2147483647, "
                        + "the largest capacity Application Auto Scaling accepts",
                "shapes.yaml:60:5: spec.optional_spec.autoscaling: only allowed when billing_mode is PROVISIONED "
                        + "(on-demand capacity scales by itself)",
                "shapes.yaml:67:9: spec.optional_spec.global_secondary_indexes.0.autoscaling: only allowed when "
                        + "billing_mode is PROVISIONED (on-demand capacity scales by itself)"));
    }
}
