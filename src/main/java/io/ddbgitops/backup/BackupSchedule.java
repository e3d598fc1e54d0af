package io.ddbgitops.backup;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/**
 * A Quartz cron schedule evaluated in UTC. Quartz only answers "the next fire time after t", so the most recent
 * fire time at or before now is found by a binary search over the last {@link #LOOKBACK}: "is there a fire time
 * in (s, now]?" only turns from true to false as s grows, and about 30 probes pin it to the second.
 */
public final class BackupSchedule {
    /** How far back a schedule is looked at; one that last fired longer ago counts as never having fired. */
    public static final Duration LOOKBACK = Duration.ofDays(366L * 10);

    private final String expression;
    private final CronExpression cron;

    private BackupSchedule(String expression, CronExpression cron) {
        this.expression = expression;
        this.cron = cron;
    }

    public static BackupSchedule parse(String expression) {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(TimeZone.getTimeZone("UTC"));
            return new BackupSchedule(expression, cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("\"" + expression + "\" is not a Quartz cron expression: "
                    + e.getMessage(), e);
        }
    }

    public String expression() {
        return expression;
    }

    /** The first fire time strictly after {@code at}; empty when the schedule never fires again. */
    public Optional<Instant> nextFireAfter(Instant at) {
        return Optional.ofNullable(cron.getTimeAfter(Date.from(at))).map(Date::toInstant);
    }

    /** The latest fire time at or before {@code now}; empty when it did not fire within {@link #LOOKBACK}. */
    public Optional<Instant> latestFireAtOrBefore(Instant now) {
        long hi = now.truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        long lo = hi - LOOKBACK.toSeconds();
        if (!firesWithin(lo, now)) {
            return Optional.empty();
        }
        // invariant: a fire time lies in (lo, now]; none lies in (hi, now]
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (firesWithin(mid, now)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return nextFireAfter(Instant.ofEpochSecond(lo));
    }

    private boolean firesWithin(long afterSecond, Instant now) {
        return nextFireAfter(Instant.ofEpochSecond(afterSecond)).map(t -> !t.isAfter(now)).orElse(false);
    }
}
