package io.ddbgitops.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RateRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void everyRuleNamesItsAwsPageAndTheDayItWasChecked() {
        assertThat(RateRules.all()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.source()).startsWith("https://docs.aws.amazon.com/");
            assertThat(rule.checked()).isEqualTo(LocalDate.parse("2026-12-01"));
            assertThat(rule.limit()).isNotBlank();
        });
        assertThat(RateRules.all()).extracting(RateRules.Rule::id).doesNotHaveDuplicates();
    }

    @Test
    void allowsTheFourthSwitchToOnDemandIn24HoursAndBlocksTheFifthUntilTheOldestLeaves() {
        Instant oldest = NOW.minus(Duration.ofHours(23));
        List<Instant> three = List.of(oldest, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)));
        List<Instant> four = List.of(oldest, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)),
                NOW.minus(Duration.ofMinutes(1)));

        assertThat(RateRules.nextSwitchToOnDemand(three, NOW)).isEmpty();
        assertThat(RateRules.nextSwitchToOnDemand(four, NOW)).contains(oldest.plus(Duration.ofHours(24)));
        // the moment the oldest has been in the window for 24 hours, it no longer counts
        assertThat(RateRules.nextSwitchToOnDemand(four, oldest.plus(Duration.ofHours(24)))).isEmpty();
        assertThat(RateRules.nextSwitchToOnDemand(four, oldest.plus(Duration.ofHours(24)).minusSeconds(1))).isPresent();
    }

    @Test
    void blocksTheThirdTableClassChangeInTrailing30Days() {
        Instant first = NOW.minus(Duration.ofDays(30)).plusSeconds(1);
        List<Instant> two = List.of(first, NOW.minus(Duration.ofDays(1)));

        assertThat(RateRules.nextTableClassChange(List.of(first), NOW)).isEmpty();
        assertThat(RateRules.nextTableClassChange(two, NOW)).contains(first.plus(Duration.ofDays(30)));
        assertThat(RateRules.nextTableClassChange(List.of(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))),
                NOW)).isEmpty();
    }

    @ParameterizedTest(name = "last TTL change {0} → {1}")
    @CsvSource({
            ",                     now",
            "2026-11-21T11:00:00Z, now",
            "2026-11-21T11:00:01Z, 2026-11-21T12:00:01Z",
            "2026-11-21T11:59:59Z, 2026-11-21T12:59:59Z"})
    void allowsOneTtlChangePerHour(String last, String expected) {
        assertThat(RateRules.nextTimeToLiveChange(Optional.ofNullable(last).map(Instant::parse), NOW)
                .map(Instant::toString).orElse("now")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} decreases today, last {1}, quota {2} → {3}")
    @CsvSource({
            "0,  ,                      27, now",
            "3,  2026-11-21T11:59:00Z,  27, now",
            "4,  2026-11-21T11:30:00Z,  27, 2026-11-21T12:30:00Z",
            "4,  2026-11-21T10:59:59Z,  27, now",
            "26, 2026-11-21T11:00:00Z,  27, now",
            "27, 2026-11-21T09:00:00Z,  27, 2026-11-22T00:00:00Z",
            "9,  2026-11-20T23:50:00Z,  27, now",
            "2,  2026-11-21T11:59:00Z,  3,  now",
            "3,  2026-11-21T08:00:00Z,  3,  2026-11-22T00:00:00Z",
            "27, 2026-11-21T09:00:00Z,  40, now",
            "39, 2026-11-21T11:30:00Z,  40, 2026-11-21T12:30:00Z",
            "40, 2026-11-21T09:00:00Z,  40, 2026-11-22T00:00:00Z"})
    void keepsTheDailyDecreaseQuotaAtItsEdges(int decreases, String last, int quota, String expected) {
        ThroughputHistory history = new ThroughputHistory(decreases, Optional.ofNullable(last).map(Instant::parse),
                Optional.empty(), Optional.empty());

        assertThat(RateRules.nextDecrease(history, quota, NOW).map(Instant::toString).orElse("now"))
                .isEqualTo(expected);
    }

    @Test
    void aDecreaseLateInTheDayWaitsAtMostUntilMidnight() {
        Instant late = Instant.parse("2026-11-21T23:40:00Z");
        ThroughputHistory history = new ThroughputHistory(5, Optional.of(Instant.parse("2026-11-21T23:30:00Z")),
                Optional.empty(), Optional.empty());

        assertThat(RateRules.nextDecrease(history, RateRules.DEFAULT_DECREASES_PER_DAY, late))
                .contains(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void possibleAtIsRoundedUpToTheMinute() {
        assertThat(PossibleAt.text(Instant.parse("2026-11-23T03:59:01Z"))).isEqualTo("possible at 2026-11-23T04:00Z");
        assertThat(PossibleAt.text(Instant.parse("2026-11-23T04:00:00Z"))).isEqualTo("possible at 2026-11-23T04:00Z");
        assertThat(PossibleAt.json(Instant.parse("2026-11-23T03:59:01.5Z"))).isEqualTo("2026-11-23T04:00:00Z");
    }

    @Test
    void historyAfterASwitchToOnDemandCountsItAndForgetsWhatNoWindowCounts() {
        ChangeHistory old = new ChangeHistory(List.of(NOW.minus(Duration.ofDays(31))), List.of(NOW.minus(Duration.ofDays(31))),
                Optional.of(NOW.minus(Duration.ofHours(2))), java.util.Map.of());
        Action toOnDemand = new Action.UpdateThroughput(io.ddbgitops.manifest.BillingMode.PAY_PER_REQUEST, 0, 0);

        ChangeHistory after = old.after(List.of(toOnDemand), true, NOW);
        ChangeHistory capsOnly = old.after(List.of(toOnDemand), false, NOW);

        assertThat(after.switchesToOnDemand()).containsExactly(NOW);
        assertThat(after.tableClassChanges()).isEmpty();
        assertThat(after.lastTimeToLiveChange()).isEmpty();
        assertThat(capsOnly.switchesToOnDemand()).isEmpty();
    }
}
