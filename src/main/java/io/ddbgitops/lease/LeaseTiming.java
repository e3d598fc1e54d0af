package io.ddbgitops.lease;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a lease lasts without a heartbeat, how often the heartbeat renews it, how long a run waits for a lease
 * another run holds ({@code maxWait}) and for the gate runs pass to take theirs ({@code gateWait}), and how often it
 * looks again while waiting. A lease left by a killed run is taken over once it
 * has been seen unchanged for its holder's lease duration (the lock client compares record versions, not clocks, so
 * hosts' clocks need not agree).
 */
public record LeaseTiming(Duration lease, Duration heartbeat, Duration maxWait, Duration gateWait, Duration poll) {
    /** 60 s lease, renewed every 20 s: two heartbeats may fail (a GC pause, a throttled call) before it lapses. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** Longer than a lease, so a waiting run takes over a killed run's lease rather than giving up. */
    public static final Duration WAIT = Duration.ofMinutes(5);
    public static final Duration POLL = Duration.ofSeconds(1);
    /**
     * The fleet gate ({@link LeaseKeys#gate()}) is held for a few calls while a run takes its lease, so a run finding
     * it taken waits at least this long for it, even with {@code --lock-wait 0}: shards started together must not
     * turn each other away.
     */
    public static final Duration GATE = Duration.ofSeconds(10);

    public LeaseTiming {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(gateWait, "gateWait");
        Objects.requireNonNull(poll, "poll");
        if (heartbeat.compareTo(lease) >= 0 || heartbeat.isZero() || heartbeat.isNegative()) {
            throw new IllegalArgumentException("the heartbeat (" + heartbeat + ") must be shorter than the lease ("
                    + lease + ")");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("the lock wait must not be negative: " + maxWait);
        }
    }

    public static LeaseTiming defaults() {
        return new LeaseTiming(LEASE, HEARTBEAT, WAIT, WAIT, POLL);
    }

    /** Waits {@code newWait} for another run's lease, and at least {@link #GATE} for the gate. */
    public LeaseTiming withWait(Duration newWait) {
        return new LeaseTiming(lease, heartbeat, newWait, newWait.compareTo(GATE) < 0 ? GATE : newWait, poll);
    }

    /** Both waits no longer than {@code cap} makes them (the run's deadline). */
    public LeaseTiming capped(java.util.function.UnaryOperator<Duration> cap) {
        return new LeaseTiming(lease, heartbeat, cap.apply(maxWait), cap.apply(gateWait), poll);
    }
}
