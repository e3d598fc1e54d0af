package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaseOptionsTest {
    private final LeaseOptions.WaitConverter converter = new LeaseOptions.WaitConverter();

    @Test
    void secondsOrAnIsoDurationAndZeroMeansDoNotWait() {
        assertThat(converter.convert("0")).isEqualTo(Duration.ZERO);
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("PT5M")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anythingElseIsRejectedWithTheValue() {
        assertThatThrownBy(() -> converter.convert("5m")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'5m' is neither a number of seconds nor an ISO-8601 duration such as PT5M");
        assertThatThrownBy(() -> converter.convert("-PT1S")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void helpListsExitCodeFourAndTheOption() {
        CliRun help = CliRun.of("apply", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--lock-wait=SECONDS|ISO-8601")
                .contains("then exit 4").contains("default: PT5M");
        assertThat(CliRun.of("--help").out().replaceAll("\\s+", " "))
                .contains("4 another run holds the lease (apply, serve, plan --push) after waiting --lock-wait");
    }
}
