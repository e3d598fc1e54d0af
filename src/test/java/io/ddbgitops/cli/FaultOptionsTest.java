package io.ddbgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ddbgitops.local.Fault;
import io.ddbgitops.local.FaultPlan;
import io.ddbgitops.local.FaultRule;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FaultOptionsTest {
    @Test
    void readsRepeatedRulesEachWithItsOwnOptions() {
        FaultPlan plan = parse("--fault", "throttle", "--fault-rate", "0.1", "--fault-ops", "CreateTable,UpdateTable",
                "--fault", "latency", "--fault-delay-ms", "250", "--fault-count", "3", "--fault-seed", "42");

        assertThat(plan.seed()).isEqualTo(42);
        assertThat(plan.rules()).containsExactly(
                new FaultRule(Fault.THROTTLE, 0.1, Set.of("CreateTable", "UpdateTable"), Duration.ZERO, 0),
                new FaultRule(Fault.LATENCY, 1.0, Set.of(), Duration.ofMillis(250), 3));
    }

    @Test
    void noFaultOptionsMeansNoFaults() {
        assertThat(parse().rules()).isEmpty();
    }

    @Test
    void namesTheOptionThatIsWrong() {
        assertThatThrownBy(() -> parse("--fault", "slow"))
                .hasMessageContaining("--fault must be one of throttle, internal-error");
        assertThatThrownBy(() -> parse("--fault", "throttle", "--fault-rate", "1.5"))
                .hasMessageContaining("--fault throttle").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> parse("--fault", "slow-accept"))
                .hasMessageContaining("needs a delay above 0 ms");
    }

    @Test
    void refusesFaultsWithoutTheLocalEndpoint() {
        CliRun run = CliRun.of("plan", "--repo", "/nonexistent", "--fault", "throttle");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--fault only applies with --local");
    }

    private static FaultPlan parse(String... args) {
        FaultOptions options = new FaultOptions();
        new CommandLine(new Holder(options)).parseArgs(args);
        return (FaultPlan) options.plan();
    }

    @CommandLine.Command
    static final class Holder {
        @CommandLine.Mixin
        final FaultOptions options;

        Holder(FaultOptions options) {
            this.options = options;
        }
    }
}
