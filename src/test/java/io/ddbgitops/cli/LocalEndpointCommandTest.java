package io.ddbgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ddbgitops.local.Delays;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalEndpointCommandTest {
    @Test
    void delayFlagsBecomeTheEndpointsDelays() {
        LocalEndpointCommand command = new LocalEndpointCommand();
        new CommandLine(command).parseArgs("--index-backfill-delay", "PT30S", "--restore-delay", "PT2M",
                "--replica-creation-delay", "PT1S", "--table-class-update-delay", "PT0.5S", "--sse-update-delay", "PT3S");

        assertThat(command.delays()).isEqualTo(new Delays(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(3)));
    }

    @Test
    void noFlagsMeanNoDelaysAndANegativeDelayIsRefused() {
        LocalEndpointCommand command = new LocalEndpointCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.delays()).isEqualTo(Delays.NONE);

        new CommandLine(command).parseArgs("--restore-delay", "PT-1S");
        assertThatThrownBy(command::delays).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }
}
