package io.ddbgitops.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What earlier runs did to one table that AWS's rate limits count, and the long work they left running: our
 * switches to on-demand, our table-class changes, our last TTL change, and since when each field has been in
 * progress. Kept in report.json so the counts survive between runs; pure, so the planner can read and extend it.
 */
public record ChangeHistory(
        List<Instant> switchesToOnDemand,
        List<Instant> tableClassChanges,
        Optional<Instant> lastTimeToLiveChange,
        Map<String, Instant> inProgressSince) {

    public ChangeHistory {
        switchesToOnDemand = switchesToOnDemand.stream().sorted().distinct().toList();
        tableClassChanges = tableClassChanges.stream().sorted().distinct().toList();
        inProgressSince = java.util.Collections.unmodifiableMap(new TreeMap<>(inProgressSince));
    }

    public static ChangeHistory none() {
        return new ChangeHistory(List.of(), List.of(), Optional.empty(), Map.of());
    }

    public boolean isEmpty() {
        return equals(none());
    }

    /** Adds what DescribeTable shows as evidence (a switch someone else made counts against the same limit). */
    public ChangeHistory withEvidence(Optional<Instant> lastSwitchToOnDemand, Optional<Instant> lastClassChange) {
        return new ChangeHistory(merge(switchesToOnDemand, lastSwitchToOnDemand), merge(tableClassChanges, lastClassChange),
                lastTimeToLiveChange, inProgressSince);
    }

    /** The history after these actions succeeded at {@code now}, without events no window counts any more. */
    public ChangeHistory after(List<Action> done, boolean wasProvisioned, Instant now) {
        List<Instant> switches = new ArrayList<>(switchesToOnDemand);
        List<Instant> classes = new ArrayList<>(tableClassChanges);
        Optional<Instant> ttl = lastTimeToLiveChange;
        for (Action action : done) {
            if (action instanceof Action.UpdateThroughput u && wasProvisioned
                    && u.billingMode() == io.ddbgitops.manifest.BillingMode.PAY_PER_REQUEST) {
                switches.add(now);
            } else if (action instanceof Action.SetTableClass) {
                classes.add(now);
            } else if (action instanceof Action.SetTimeToLive) {
                ttl = Optional.of(now);
            }
        }
        Instant horizon = now.minus(RateRules.LONGEST_WINDOW);
        return new ChangeHistory(switches.stream().filter(t -> t.isAfter(horizon)).toList(),
                classes.stream().filter(t -> t.isAfter(horizon)).toList(),
                ttl.filter(t -> t.isAfter(now.minus(RateRules.TTL_SPACING))), inProgressSince);
    }

    public ChangeHistory withInProgress(Map<String, Instant> since) {
        return new ChangeHistory(switchesToOnDemand, tableClassChanges, lastTimeToLiveChange, since);
    }

    /** Adds a DescribeTable timestamp unless we recorded the same event (our own clock may differ by a little). */
    private static List<Instant> merge(List<Instant> recorded, Optional<Instant> evidence) {
        if (evidence.isEmpty() || recorded.stream().anyMatch(t -> Math.abs(t.getEpochSecond()
                - evidence.get().getEpochSecond()) < 300)) {
            return recorded;
        }
        List<Instant> all = new ArrayList<>(recorded);
        all.add(evidence.get());
        return all;
    }
}
