package io.ddbgitops.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How old a committed report may get. A report is stale once its {@code checked_at} is older than
 * {@code staleAfter}; a quiet run refreshes it (the heartbeat commit) once it is older than half of that, so a
 * job that runs at least every {@code staleAfter / 2} never looks stale and a stopped one does.
 */
public record Freshness(Duration staleAfter) {

    public Freshness {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale_after must be a positive duration, not " + staleAfter);
        }
    }

    /** True when a run at {@code now} should commit even if nothing changed: no report, or one checked too long ago. */
    public boolean heartbeatDue(Optional<DriftReport> committed, Instant now) {
        return committed.flatMap(DriftReport::checkedInstant)
                .map(at -> Duration.between(at, now).compareTo(staleAfter.dividedBy(2)) > 0)
                .orElse(true);
    }

    /** True when the report was checked more than {@code staleAfter} before {@code now}, or says not when. */
    public boolean isStale(DriftReport report, Instant now) {
        return report.checkedInstant().map(at -> Duration.between(at, now).compareTo(staleAfter) > 0).orElse(true);
    }
}
