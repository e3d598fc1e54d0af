package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableManifest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides what to do about one manifest. A pure function of the manifest, the live table (if any), the
 * settings the previous report says were applied, and the clock: no I/O, so every rule is unit-tested.
 */
public final class TablePlanner {
    static final String ABSENT = "(none)";

    public TablePlan plan(TableManifest manifest, Optional<ObservedTable> observed,
                          Map<String, String> previouslyApplied, Instant now) {
        Objects.requireNonNull(now, "now");
        List<String> messages = new ArrayList<>(UnmanagedFields.of(manifest));
        Map<String, String> desired = Fields.desired(manifest);
        if (observed.isEmpty()) {
            return planCreation(manifest, desired, previouslyApplied, messages);
        }
        ObservedTable live = observed.get();
        Optional<String> owner = live.owner();
        boolean ours = owner.isPresent() && owner.get().equals(manifest.id());
        if (!ours && !manifest.options().adopt()) {
            messages.add(0, owner.map(o -> "table " + live.id() + " is managed by manifest " + o
                            + ", not " + manifest.id() + "; set adopt: true to take it over")
                    .orElse("table " + live.id() + " exists but is not managed by ddb-gitops; "
                            + "set adopt: true in the manifest to take it over"));
            return new TablePlan(manifest, TableStatus.UNMANAGED, List.of(), List.of(), messages, previouslyApplied);
        }
        return planUpdate(manifest, live, desired, previouslyApplied, messages);
    }

    private TablePlan planCreation(TableManifest manifest, Map<String, String> desired,
                                   Map<String, String> previouslyApplied, List<String> messages) {
        // A table we applied before that is now gone was deleted outside git.
        Change.Cause cause = previouslyApplied.isEmpty() ? Change.Cause.GIT : Change.Cause.DRIFT;
        List<Change> changes = new ArrayList<>();
        desired.forEach((field, value) -> changes.add(new Change(field, ABSENT, value, "create", cause)));
        List<Action> actions = new ArrayList<>();
        actions.add(creationAction(manifest));
        if (manifest.pitr().orElse(false)) {
            actions.add(new Action.UpdatePitr(true, manifest.options().pitrRecoveryPeriodDays()));
        }
        TableStatus status = cause == Change.Cause.DRIFT ? TableStatus.DRIFTED : TableStatus.CREATED;
        if (cause == Change.Cause.DRIFT) {
            messages.add(0, "table was deleted outside git; it will be created again (empty)");
        }
        return new TablePlan(manifest, status, changes, actions, messages, desired);
    }

    /** A manifest with {@code restore} creates its table from that data; the rest of the plan follows as usual. */
    private static Action creationAction(TableManifest manifest) {
        return manifest.options().restore()
                .<Action>map(source -> new Action.RestoreTable(manifest, source, Ownership.tagFor(manifest)))
                .orElseGet(() -> new Action.CreateTable(manifest, Ownership.tagFor(manifest)));
    }

    private TablePlan planUpdate(TableManifest manifest, ObservedTable live, Map<String, String> desired,
                                 Map<String, String> previouslyApplied, List<String> messages) {
        Map<String, String> actual = Fields.observed(live);
        Map<String, String> applied = new TreeMap<>(desired);
        List<Change> changes = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        boolean blocked = false;
        for (Map.Entry<String, String> field : desired.entrySet()) {
            String name = field.getKey();
            String want = field.getValue();
            String have = actual.getOrDefault(name, ABSENT);
            if (want.equals(have)) {
                continue;
            }
            Change.Cause cause = want.equals(previouslyApplied.get(name)) ? Change.Cause.DRIFT : Change.Cause.GIT;
            if (Fields.FORCE_RECREATE.contains(name)) {
                blocked = true;
                changes.add(new Change(name, have, want, "blocked", cause));
                messages.add(0, name + " cannot be changed in place (" + have + " → " + want + "); the table must be "
                        + "recreated, for example by restoring a backup into a new table; nothing was changed");
                restorePrevious(applied, previouslyApplied, name);
            } else {
                changes.add(new Change(name, have, want, "update", cause));
            }
        }
        if (changed(changes, Fields.BILLING_MODE, Fields.READ_CAPACITY, Fields.WRITE_CAPACITY)) {
            actions.add(new Action.UpdateThroughput(manifest.options().billingMode(),
                    manifest.readCapacity(), manifest.writeCapacity()));
        }
        if (changed(changes, Fields.PITR)) {
            boolean on = manifest.pitr().orElseThrow();
            actions.add(new Action.UpdatePitr(on, on ? manifest.options().pitrRecoveryPeriodDays() : Optional.empty()));
        }
        if (changed(changes, Fields.OWNER)) {
            actions.add(new Action.TagTable(Ownership.tagFor(manifest)));
            messages.add("adopting existing table " + live.id());
        }
        return new TablePlan(manifest, status(changes, blocked), changes, actions, messages, applied);
    }

    private static TableStatus status(List<Change> changes, boolean blocked) {
        if (blocked) {
            return TableStatus.BLOCKED;
        }
        if (changes.isEmpty()) {
            return TableStatus.IN_SYNC;
        }
        boolean drift = changes.stream().anyMatch(c -> c.cause() == Change.Cause.DRIFT);
        return drift ? TableStatus.DRIFTED : TableStatus.CHANGED;
    }

    private static boolean changed(List<Change> changes, String... fields) {
        List<String> names = List.of(fields);
        return changes.stream().anyMatch(c -> names.contains(c.field()) && c.action().equals("update"));
    }

    private static void restorePrevious(Map<String, String> applied, Map<String, String> previous, String field) {
        if (previous.containsKey(field)) {
            applied.put(field, previous.get(field));
        } else {
            applied.remove(field);
        }
    }
}
