package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped command or option gets picocli's suggestion and a two-line usage, not the whole help. */
class TyposTest {
    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRun run = CliRun.of("aply");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Did you mean: ddb-gitops apply")
                .contains("Usage: ddb-gitops COMMAND [OPTIONS]…  Try 'ddb-gitops --help'");
        assertThat(run.err().lines().count()).as(run.err()).isLessThanOrEqualTo(3);
    }

    @Test
    void aMistypedOptionGetsASuggestionAndTheSubcommandsShortUsage() {
        CliRun run = CliRun.of("apply", "--endpont-url", "http://127.0.0.1:1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Unknown option").contains("Possible solutions: --endpoint-url")
                .contains("Usage: ddb-gitops apply [OPTIONS]…  Try 'ddb-gitops apply --help'")
                .doesNotContain("Exit codes");
        assertThat(run.err().lines().count()).as(run.err()).isLessThanOrEqualTo(3);
    }

    @Test
    void helpIsStillTheWholeText() {
        CliRun run = CliRun.of("apply", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--allow-unknown-region").contains("--no-color");
    }
}
