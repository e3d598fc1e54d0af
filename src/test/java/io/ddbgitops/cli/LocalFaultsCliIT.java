package io.ddbgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fault with the in-process endpoint: the run meets the faults and the SDK's retries carry it through. */
class LocalFaultsCliIT {
    @TempDir
    Path temp;

    @Test
    void applyThroughThrottlesAndServerErrorsConverges() {
        Path data = temp.resolve("data");

        CliRun apply = CliRun.of("apply", "--local", "--data-dir", data.toString(),
                "--fault", "throttle", "--fault-ops", "CreateTable,DescribeTable", "--fault-count", "3",
                "--fault", "internal-error", "--fault-count", "2", "--fault-seed", "7");

        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("3 created");

        CliRun plan = CliRun.of("plan", "--local", "--data-dir", data.toString(), "--out",
                temp.resolve("plan.md").toString());
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("3 in sync");
    }

    @Test
    void faultsBeyondTheRetriesFailTheRun() {
        CliRun apply = CliRun.of("apply", "--local", "--data-dir", temp.resolve("data").toString(),
                "--fault", "internal-error", "--fault-ops", "CreateTable");

        assertThat(apply.exit()).as(apply.out() + apply.err()).isNotZero();
        assertThat(apply.out() + apply.err()).contains("InternalServerError");
    }
}
