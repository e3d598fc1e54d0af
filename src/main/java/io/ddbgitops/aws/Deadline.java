package io.ddbgitops.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The wall-clock moment a whole run must stop starting work ({@code --timeout}). Measured on the real clock, never
 * on the planner's {@code --now}. {@link #none()} never passes.
 */
public record Deadline(Optional<Instant> at, Optional<Duration> budget, Clock clock) {
    public static Deadline none() {
        return new Deadline(Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        Clock clock = Clock.systemUTC();
        return new Deadline(Optional.of(clock.instant().plus(budget)), Optional.of(budget), clock);
    }

    public boolean passed() {
        return at.isPresent() && !clock.instant().isBefore(at.get());
    }

    /** Time left; empty when there is no deadline, zero once it passed. */
    public Optional<Duration> remaining() {
        return at.map(a -> {
            Duration left = Duration.between(clock.instant(), a);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    /** The smaller of {@code limit} and the time left. */
    public Duration cap(Duration limit) {
        return remaining().filter(r -> r.compareTo(limit) < 0).orElse(limit);
    }

    /** How the deadline reads in messages, e.g. "the run's deadline (--timeout 30s)". */
    public String describe() {
        return "the run's deadline" + budget.map(b -> " (--timeout " + Durations.format(b) + ")").orElse("");
    }
}
