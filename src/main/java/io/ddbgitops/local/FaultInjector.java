package io.ddbgitops.local;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides which requests get a fault under the current {@link FaultPlan}, and counts what it injected. The plan can
 * be replaced while the endpoint runs (tests, the admin API); replacing it restarts the random sequence and the
 * counts of injected faults.
 */
public final class FaultInjector {
    private FaultPlan plan = FaultPlan.NONE;
    private Random random = new Random(0);
    private long[] hits = new long[0];
    private final Map<Fault, Long> injected = new EnumMap<>(Fault.class);
    private long requests;

    public synchronized void set(FaultPlan newPlan) {
        plan = newPlan;
        random = new Random(newPlan.seed());
        hits = new long[newPlan.rules().size()];
        injected.clear();
    }

    public synchronized void clear() {
        set(FaultPlan.NONE);
    }

    public synchronized FaultPlan plan() {
        return plan;
    }

    /** How many requests got each fault since the plan was set. */
    public synchronized Map<Fault, Long> injected() {
        return Map.copyOf(injected);
    }

    /** How many requests were seen since the endpoint started, faulted or not. */
    public synchronized long requests() {
        return requests;
    }

    /** The rule that hits this request, if any; one random draw per rule that applies, in order. */
    synchronized Optional<FaultRule> choose(String operation) {
        requests++;
        for (int i = 0; i < plan.rules().size(); i++) {
            FaultRule rule = plan.rules().get(i);
            if (!rule.appliesTo(operation)) {
                continue;
            }
            boolean fires = random.nextDouble() < rule.probability();
            if (fires && (rule.maxCount() == 0 || hits[i] < rule.maxCount())) {
                hits[i]++;
                injected.merge(rule.fault(), 1L, Long::sum);
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
