package io.ddbgitops.plan.autoscaling;

import io.ddbgitops.manifest.AutoScalingSpec;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.Fields;
import io.ddbgitops.plan.ObservedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Auto scaling's one home: the desired scaling (the manifest), the observed one (Application Auto Scaling), their
 * diff, and the steps that close it. The planner composes it: it keeps the capacities listed in
 * {@link #scalerOwnedCapacity()} out of every UpdateTable, runs {@link #removals()} before throughput changes and
 * {@link #settings()} once the table and its indexes exist.
 *
 * <p>A dimension is scaled when the manifest says so or when a scalable target is registered for it, by anyone.
 * Its capacity then belongs to the scaler: it is shown, never written. min, max, target utilisation and the
 * cooldowns the manifest gives are compared and put right. Removing {@code autoscaling} from the manifest
 * deregisters a target only if this tool registered it (recorded as {@code <field>.registered_by} in the report's
 * applied settings, or recognisable by our policy name when there is no previous record).
 */
public final class AutoScalingFamily {
    public static final String OURS = "ddb-gitops";
    static final String MIN = ".min";
    static final String MAX = ".max";
    static final String TARGET = ".target_utilization";
    static final String SCALE_IN = ".scale_in_cooldown";
    static final String SCALE_OUT = ".scale_out_cooldown";
    static final String REGISTERED_BY = ".registered_by";

    private final Map<String, String> previouslyApplied;
    private final Set<String> owned = new TreeSet<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<ScalingStep> removals = new ArrayList<>();
    private final List<ScalingStep> settings = new ArrayList<>();
    private final Map<String, String> applied = new TreeMap<>();
    private final List<String> messages = new ArrayList<>();

    private AutoScalingFamily(Map<String, String> previouslyApplied) {
        this.previouslyApplied = previouslyApplied;
    }

    /** A new table: every dimension the manifest scales is registered once the table is ACTIVE. */
    public static AutoScalingFamily forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        AutoScalingFamily family = new AutoScalingFamily(previouslyApplied);
        desired(manifest).forEach((dimension, want) -> family.converge(dimension, want, Optional.empty(), true));
        return family;
    }

    /** An existing table, with what Application Auto Scaling says about it (empty: it could not be read). */
    public static AutoScalingFamily forTable(TableManifest manifest, ObservedTable live,
                                             Map<String, String> previouslyApplied) {
        AutoScalingFamily family = new AutoScalingFamily(previouslyApplied);
        Map<ScaledDimension, AutoScalingSpec.Dimension> desired = desired(manifest);
        Optional<ObservedScaling> observed = live.autoScaling();
        boolean provisioned = live.billingMode() == BillingMode.PROVISIONED;
        if (observed.isEmpty()) {
            family.unreadable(desired.keySet(), provisioned);
            return family;
        }
        Set<ScaledDimension> dimensions = new TreeSet<>(desired.keySet());
        observed.get().targets().forEach(t -> dimensions.add(t.dimension()));
        for (ScaledDimension dimension : dimensions) {
            Optional<ObservedScaling.Target> target = observed.get().target(dimension);
            AutoScalingSpec.Dimension want = desired.get(dimension);
            if (want != null) {
                family.ownCapacity(dimension, provisioned);
                boolean ours = target.isEmpty() || family.registeredByUs(dimension, target.get());
                family.converge(dimension, want, target, ours);
                target.ifPresent(t -> family.inform(dimension, live, t, "ddb-gitops does not write it"));
            } else if (family.registeredByUs(dimension, target.orElseThrow())) {
                family.deregister(dimension, target.get());
            } else {
                family.ownCapacity(dimension, provisioned);
                family.inform(dimension, live, target.get(), "the target was registered outside ddb-gitops and the "
                        + "manifest does not scale it, so it is left alone");
            }
        }
        return family;
    }

    /** Capacity fields ({@link Fields} names) the planner must neither compare nor write. */
    public Set<String> scalerOwnedCapacity() {
        return Set.copyOf(owned);
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Policies and targets to remove; before any throughput change, since the manifest takes that capacity back. */
    public List<ScalingStep> removals() {
        return List.copyOf(removals);
    }

    /** Targets to register and policies to put; once the table and its indexes exist. */
    public List<ScalingStep> settings() {
        return List.copyOf(settings);
    }

    /** What counts as applied once the steps succeed, including which targets are ours. */
    public Map<String, String> applied() {
        return Map.copyOf(applied);
    }

    /** Information for people: the scaler's current capacities. Not changes, so never drift. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    private void converge(ScaledDimension dimension, AutoScalingSpec.Dimension want,
                          Optional<ObservedScaling.Target> target, boolean ours) {
        String field = dimension.field();
        boolean range = compare(field + MIN, Long.toString(want.min()), target.map(t -> Long.toString(t.min())));
        range |= compare(field + MAX, Long.toString(want.max()), target.map(t -> Long.toString(t.max())));
        if (range) {
            settings.add(new ScalingStep.RegisterTarget(dimension, want.min(), want.max()));
        }
        Optional<ObservedScaling.TrackingPolicy> policy = target.flatMap(ObservedScaling.Target::policy);
        boolean tracking = compare(field + TARGET, percent(want.targetUtilization()),
                policy.map(p -> percent(p.targetUtilization())));
        tracking |= cooldown(field + SCALE_IN, want.scaleInCooldown(),
                policy.flatMap(ObservedScaling.TrackingPolicy::scaleInCooldown));
        tracking |= cooldown(field + SCALE_OUT, want.scaleOutCooldown(),
                policy.flatMap(ObservedScaling.TrackingPolicy::scaleOutCooldown));
        if (tracking) {
            settings.add(new ScalingStep.PutPolicy(dimension, policy.map(ObservedScaling.TrackingPolicy::name)
                    .orElse(dimension.policyName()), want.targetUtilization(), want.scaleInCooldown(),
                    want.scaleOutCooldown()));
        }
        if (ours) {
            applied.put(field + REGISTERED_BY, OURS);
        }
    }

    /** A cooldown the manifest leaves out is AWS's to choose, so it is not compared. */
    private boolean cooldown(String field, Optional<Integer> want, Optional<Integer> have) {
        return want.isPresent() && compare(field, want.get().toString(), have.map(Object::toString));
    }

    /** Records the wanted value as applied; adds a change when the live one differs. */
    private boolean compare(String field, String want, Optional<String> have) {
        applied.put(field, want);
        String from = have.orElse(Fields.ABSENT);
        if (from.equals(want)) {
            return false;
        }
        changes.add(new Change(field, from, want, have.isPresent() ? "update" : "create", cause(field, want)));
        return true;
    }

    private void deregister(ScaledDimension dimension, ObservedScaling.Target target) {
        String field = dimension.field();
        for (String bound : new String[] {MIN, MAX}) {
            long have = bound.equals(MIN) ? target.min() : target.max();
            changes.add(new Change(field + bound, Long.toString(have), Fields.ABSENT, "delete", Change.Cause.GIT));
        }
        target.policies().stream().filter(p -> p.name().startsWith(ScaledDimension.POLICY_PREFIX))
                .forEach(p -> removals.add(new ScalingStep.DeletePolicy(dimension, p.name())));
        removals.add(new ScalingStep.DeregisterTarget(dimension));
    }

    private void unreadable(Set<ScaledDimension> desired, boolean provisioned) {
        if (desired.isEmpty()) {
            return;
        }
        desired.forEach(d -> ownCapacity(d, provisioned));
        previouslyApplied.forEach((field, value) -> {
            if (field.startsWith("autoscaling.")) {
                applied.put(field, value);
            }
        });
        messages.add("Application Auto Scaling could not be read: auto scaling was not checked, and the capacities "
                + "the manifest scales were not written");
    }

    /** Only a provisioned table has capacity to own; a table still on-demand gets the manifest's with its switch. */
    private void ownCapacity(ScaledDimension dimension, boolean provisioned) {
        if (provisioned) {
            owned.add(dimension.capacityField());
        }
    }

    private void inform(ScaledDimension dimension, ObservedTable live, ObservedScaling.Target target, String why) {
        dimension.liveCapacity(live).ifPresent(capacity -> messages.add(dimension.describe() + " is " + capacity
                + ", set by Application Auto Scaling (min " + target.min() + ", max " + target.max() + "); " + why));
    }

    /** Ours when the last report says we registered it; with no record of it at all, when it has our policy. */
    private boolean registeredByUs(ScaledDimension dimension, ObservedScaling.Target target) {
        String field = dimension.field();
        if (previouslyApplied.containsKey(field + REGISTERED_BY)) {
            return OURS.equals(previouslyApplied.get(field + REGISTERED_BY));
        }
        boolean recorded = previouslyApplied.keySet().stream().anyMatch(k -> k.startsWith(field + "."));
        return !recorded && target.hasOurPolicy();
    }

    private Change.Cause cause(String field, String want) {
        return want.equals(previouslyApplied.get(field)) ? Change.Cause.DRIFT : Change.Cause.GIT;
    }

    /** Every dimension the manifest scales: the table's, then each index's. */
    static Map<ScaledDimension, AutoScalingSpec.Dimension> desired(TableManifest manifest) {
        Map<ScaledDimension, AutoScalingSpec.Dimension> desired = new TreeMap<>();
        manifest.options().autoScaling().ifPresent(spec -> put(desired, Optional.empty(), spec));
        for (GlobalSecondaryIndex index : manifest.options().globalSecondaryIndexes().orElse(List.of())) {
            index.autoScaling().ifPresent(spec -> put(desired, Optional.of(index.indexName()), spec));
        }
        return desired;
    }

    private static void put(Map<ScaledDimension, AutoScalingSpec.Dimension> desired, Optional<String> index,
                            AutoScalingSpec spec) {
        spec.read().ifPresent(d -> desired.put(new ScaledDimension(index, ScaledDimension.Capacity.READ), d));
        spec.write().ifPresent(d -> desired.put(new ScaledDimension(index, ScaledDimension.Capacity.WRITE), d));
    }

    /** 70 for 70.0, 45.5 for 45.5: how target utilisations read in reports. */
    static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
