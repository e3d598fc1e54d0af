package io.ddbgitops.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Every AWS rate limit the planner keeps, in one place: each {@link Rule} names the AWS page it comes from and the
 * day it was checked against that page, and each check is a pure function of the history and the clock. A change
 * that is not allowed yet is reported as blocked with the time it becomes possible, never tried and refused.
 */
public final class RateRules {
    static final LocalDate CHECKED = LocalDate.parse("2026-12-01");

    /** One documented limit. */
    public record Rule(String id, String limit, String source, LocalDate checked) {}

    public static final Rule SWITCH_TO_ON_DEMAND = new Rule("billing-mode-switch",
            "Provisioned → on-demand at most 4 times in a rolling 24 hours; on-demand → provisioned at any time",
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/switching.capacitymode.html", CHECKED);
    public static final Rule TABLE_CLASS = new Rule("table-class",
            "Table class changes at most twice in a trailing 30 days",
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.tableclasses.html",
            CHECKED);
    public static final Rule TIME_TO_LIVE = new Rule("ttl",
            "One UpdateTimeToLive per table per hour (another within the hour is a ValidationException)",
            "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html", CHECKED);
    public static final Rule THROUGHPUT_DECREASES = new Rule("throughput-decreases",
            "Provisioned throughput decreases per table or GSI per UTC day: 4 at any time, then one per hour without a "
                    + "decrease, up to the quota (default 27; adjustable in Service Quotas, so a setting here)",
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html", CHECKED);
    public static final Rule ONE_INDEX_AT_A_TIME = new Rule("one-gsi-per-update",
            "One global secondary index created or deleted per UpdateTable; the next waits until the table is ACTIVE",
            "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html", CHECKED);

    public static final int SWITCHES_TO_ON_DEMAND = 4;
    public static final Duration SWITCH_WINDOW = Duration.ofHours(24);
    public static final int TABLE_CLASS_CHANGES = 2;
    public static final Duration TABLE_CLASS_WINDOW = Duration.ofDays(30);
    public static final Duration TTL_SPACING = Duration.ofHours(1);
    /** Decreases allowed at any time in a UTC day. */
    public static final int FREE_DECREASES = 4;
    /** AWS's default quota of decreases per UTC day: 4 free plus one per hour without a decrease. */
    public static final int DEFAULT_DECREASES_PER_DAY = 27;
    public static final Duration DECREASE_SPACING = Duration.ofHours(1);
    /** How long the history must be kept for the longest window above. */
    public static final Duration LONGEST_WINDOW = TABLE_CLASS_WINDOW;

    private RateRules() {}

    public static List<Rule> all() {
        return List.of(SWITCH_TO_ON_DEMAND, TABLE_CLASS, TIME_TO_LIVE, THROUGHPUT_DECREASES, ONE_INDEX_AT_A_TIME);
    }

    /** When the next switch from PROVISIONED to PAY_PER_REQUEST is allowed; empty when it is allowed now. */
    static Optional<Instant> nextSwitchToOnDemand(List<Instant> switches, Instant now) {
        return nextInWindow(switches, SWITCHES_TO_ON_DEMAND, SWITCH_WINDOW, now);
    }

    /** When the next table class change is allowed; empty when it is allowed now. */
    static Optional<Instant> nextTableClassChange(List<Instant> changes, Instant now) {
        return nextInWindow(changes, TABLE_CLASS_CHANGES, TABLE_CLASS_WINDOW, now);
    }

    /** When the next TTL change is allowed; empty when it is allowed now. */
    static Optional<Instant> nextTimeToLiveChange(Optional<Instant> lastChange, Instant now) {
        return lastChange.map(t -> t.plus(TTL_SPACING)).filter(now::isBefore);
    }

    /**
     * When the next provisioned-throughput decrease is allowed under a daily quota of {@code perDay}; empty when it
     * is allowed now. The count DescribeTable reports belongs to the UTC day of the last decrease.
     */
    static Optional<Instant> nextDecrease(ThroughputHistory history, int perDay, Instant now) {
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        Instant nextMidnight = midnight.plus(Duration.ofDays(1));
        boolean countIsToday = history.lastDecrease().map(t -> !t.isBefore(midnight)).orElse(true);
        int today = countIsToday ? history.decreasesToday() : 0;
        if (today >= perDay) {
            return Optional.of(nextMidnight);
        }
        if (today < FREE_DECREASES) {
            return Optional.empty();
        }
        Instant hourAfterLast = history.lastDecrease().map(t -> t.plus(DECREASE_SPACING)).orElse(now);
        if (!now.isBefore(hourAfterLast)) {
            return Optional.empty();
        }
        return Optional.of(hourAfterLast.isBefore(nextMidnight) ? hourAfterLast : nextMidnight);
    }

    /**
     * A limit of {@code max} events in a rolling window: an event at t counts until t + window. When the window is
     * full, the next event is possible once enough of the oldest ones have left it.
     */
    static Optional<Instant> nextInWindow(List<Instant> events, int max, Duration window, Instant now) {
        List<Instant> inWindow = events.stream().filter(t -> now.isBefore(t.plus(window))).sorted().toList();
        if (inWindow.size() < max) {
            return Optional.empty();
        }
        return Optional.of(inWindow.get(inWindow.size() - max).plus(window));
    }
}
