package io.ddbgitops.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest(name = "{0} decreases today, last {1} → {2}")
    @CsvSource({
            "0,  ,                      now",
            "3,  2026-11-21T11:59:00Z,  now",
            "4,  2026-11-21T11:30:00Z,  2026-11-21T12:30:00Z",
            "4,  2026-11-21T10:59:59Z,  now",
            "26, 2026-11-21T11:00:00Z,  now",
            "27, 2026-11-21T09:00:00Z,  2026-11-22T00:00:00Z",
            "9,  2026-11-20T23:50:00Z,  now",
            "5,  2026-11-21T23:30:00Z,  2026-11-22T00:00:00Z"})
    void allowsDecreasesWithinTheDailyBudget(int decreases, String last, String expected) {
        Instant now = last != null && last.startsWith("2026-11-21T23") ? Instant.parse("2026-11-21T23:40:00Z") : NOW;
        ThroughputHistory history = new ThroughputHistory(decreases, Optional.ofNullable(last).map(Instant::parse),
                Optional.empty(), Optional.empty());

        Optional<Instant> next = ThroughputRules.nextDecrease(history, now);

        assertThat(next.map(Instant::toString).orElse("now")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "last switch {0} → {1}")
    @CsvSource({
            ",                     now",
            "2026-11-20T11:59:59Z, now",
            "2026-11-20T12:00:01Z, 2026-11-21T12:00:01Z"})
    void allowsOneSwitchToOnDemandPer24Hours(String last, String expected) {
        ThroughputHistory history = new ThroughputHistory(0, Optional.empty(), Optional.empty(),
                Optional.ofNullable(last).map(Instant::parse));

        assertThat(ThroughputRules.nextSwitchToOnDemand(history, NOW).map(Instant::toString).orElse("now"))
                .isEqualTo(expected);
    }
}
