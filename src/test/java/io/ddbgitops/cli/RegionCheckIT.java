package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** validate checks manifest regions against the AWS SDK's list; --allow-unknown-region makes that a warning. */
class RegionCheckIT {
    @TempDir
    Path repo;

    private void manifest(String region, String replica) throws Exception {
        Files.createDirectories(repo.resolve("manifests"));
        Files.writeString(repo.resolve("manifests/orders.yaml"), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: orders
                spec:
                  region: "%s"
                  tablename: "Orders"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  optional_spec:
                    replicas: ["%s"]
                """.formatted(region, replica), StandardCharsets.UTF_8);
    }

    @Test
    void aMistypedRegionIsAnErrorWithTheClosestRegion() throws Exception {
        manifest("us-eats-1", "eu-west-1");

        CliRun run = CliRun.of("validate", "--repo", repo.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("manifests/orders.yaml:6:3: spec.region: \"us-eats-1\" is not an AWS region")
                .contains("did you mean \"us-east-1\"?");
    }

    @Test
    void allowUnknownRegionLetsANewRegionThroughWithAWarning() throws Exception {
        manifest("us-east-1", "xx-newregion-1");

        CliRun strict = CliRun.of("validate", "--repo", repo.toString());
        CliRun allowed = CliRun.of("validate", "--repo", repo.toString(), "--allow-unknown-region");

        assertThat(strict.exit()).isEqualTo(3);
        assertThat(strict.out()).contains("spec.optional_spec.replicas.0: \"xx-newregion-1\"");
        assertThat(allowed.exit()).as(allowed.out() + allowed.err()).isZero();
        assertThat(allowed.err()).contains("warning: region \"xx-newregion-1\" is not an AWS region");
    }
}
