package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** --parallelism on plan, apply and serve: checked before anything runs, with the range in the message. */
class ParallelismOptionIT {
    @Test
    void aParallelismOutsideOneToSixtyFourIsRefusedBeforeAnythingRuns() {
        CliRun zero = CliRun.of("plan", "--local", "--parallelism", "0");
        CliRun tooMany = CliRun.of("apply", "--local", "--parallelism", "65");
        CliRun word = CliRun.of("plan", "--local", "--parallelism", "many");

        assertThat(zero.exit()).isEqualTo(1);
        assertThat(zero.err()).contains("--parallelism must be between 1 and 64, not 0");
        assertThat(zero.out()).doesNotContain("sample repo");
        assertThat(tooMany.exit()).isEqualTo(1);
        assertThat(tooMany.err()).contains("--parallelism must be between 1 and 64, not 65");
        assertThat(word.exit()).isNotZero();
        assertThat(word.err()).contains("--parallelism").contains("many");
    }

    @Test
    void everyRunningCommandOffersIt() {
        for (String command : new String[] {"plan", "apply", "serve"}) {
            assertThat(CliRun.of(command, "--help").out()).as(command).contains("--parallelism");
        }
    }

    @Test
    void aPlanAtFourIsTheSameAsAtOne() {
        CliRun one = CliRun.of("plan", "--local", "--parallelism", "1");
        CliRun four = CliRun.of("plan", "--local", "--parallelism", "4");

        assertThat(one.exit()).as(one.err()).isEqualTo(four.exit());
        assertThat(four.out()).isEqualTo(one.out());
        assertThat(four.err()).contains("[1/3]", "[2/3]", "[3/3]");
    }
}
