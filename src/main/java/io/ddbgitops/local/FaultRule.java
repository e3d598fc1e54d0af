package io.ddbgitops.local;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * One fault-injection rule: a share of the requests for the named operations (all operations when the set is empty)
 * gets the fault. {@code delay} is the added latency or the accept delay; {@code maxCount} bounds how many requests
 * the rule hits in all (0 = no bound), which lets a test fail exactly the next N calls.
 */
public record FaultRule(Fault fault, double probability, Set<String> operations, Duration delay, long maxCount) {
    public FaultRule {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("Fault probability must be between 0 and 1, got " + probability);
        }
        if (delay.isNegative() || (fault.needsDelay() && delay.isZero())) {
            throw new IllegalArgumentException("Fault " + fault.wireName() + " needs a delay above 0 ms, got "
                    + delay.toMillis() + " ms");
        }
        if (maxCount < 0) {
            throw new IllegalArgumentException("Fault count must be 0 (no bound) or more, got " + maxCount);
        }
        operations = Set.copyOf(new TreeSet<>(operations));
    }

    /** Every request for any operation gets the fault. */
    public static FaultRule always(Fault fault) {
        return always(fault, Duration.ZERO);
    }

    /** Every request for any operation gets the fault, with this delay (for latency and slow accept). */
    public static FaultRule always(Fault fault, Duration delay) {
        return new FaultRule(fault, 1.0, Set.of(), delay, 0);
    }

    public FaultRule withProbability(double share) {
        return new FaultRule(fault, share, operations, delay, maxCount);
    }

    public FaultRule onlyFor(String... names) {
        return new FaultRule(fault, probability, Set.of(names), delay, maxCount);
    }

    public FaultRule withDelay(Duration value) {
        return new FaultRule(fault, probability, operations, value, maxCount);
    }

    public FaultRule times(long count) {
        return new FaultRule(fault, probability, operations, delay, count);
    }

    boolean appliesTo(String operation) {
        return operations.isEmpty() || operations.contains(operation);
    }
}
