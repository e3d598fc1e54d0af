package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.TableOptions;
import io.ddbgitops.plan.autoscaling.AutoScalingFamily;
import io.ddbgitops.plan.autoscaling.ScalingStep;
import io.ddbgitops.plan.imports.ImportFamily;
import io.ddbgitops.plan.kinesis.KinesisFamily;
import io.ddbgitops.plan.policy.ResourcePolicyFamily;
import io.ddbgitops.plan.replicas.ReplicaRules;
import io.ddbgitops.plan.replicas.StrongConsistencyRules;
import io.ddbgitops.plan.settings.KmsKeyComparison;
import io.ddbgitops.plan.settings.SettingFamilies;
import io.ddbgitops.plan.settings.SettingFamily;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides what to do about one manifest. A pure function of the manifest, the live table (if any), the
 * settings the previous report says were applied, and the clock: no I/O, so every rule is unit-tested.
 *
 * <p>Updates come in the order DynamoDB allows, one UpdateTable per step: throughput and billing, then index
 * deletions, index throughput, index creations, then streams, TTL, table settings, replicas, PITR, contributor
 * insights and tags. Auto scaling ({@link AutoScalingFamily}) frames them: targets we stop scaling are deregistered
 * before throughput changes, targets and policies are put once the indexes exist. What DynamoDB cannot do in place, or not yet, is reported as blocked and left alone.
 */
public final class TablePlanner {
    private final PlanSettings settings;

    /** AWS's default quotas, waiting for long work as the applier always did. */
    public TablePlanner() {
        this(new PlanSettings(RateRules.DEFAULT_DECREASES_PER_DAY, true));
    }

    public TablePlanner(PlanSettings settings) {
        this.settings = settings;
    }

    public TablePlan plan(TableManifest manifest, Optional<ObservedTable> observed,
                          Map<String, String> previouslyApplied, Instant now) {
        return plan(manifest, observed, previouslyApplied, ChangeHistory.none(), now);
    }

    public TablePlan plan(TableManifest manifest, Optional<ObservedTable> observed,
                          Map<String, String> previouslyApplied, ChangeHistory history, Instant now) {
        Objects.requireNonNull(now, "now");
        List<String> messages = new ArrayList<>();
        if (observed.isEmpty()) {
            return planCreation(manifest, previouslyApplied, messages);
        }
        ObservedTable live = observed.get();
        Optional<String> owner = live.owner();
        boolean ours = owner.isPresent() && owner.get().equals(manifest.id());
        // adopt takes only tables nobody owns: another manifest's table is never taken, so a manifest in one
        // namespace cannot take over a table another team's manifest created
        if (owner.isPresent() && !ours) {
            messages.add(0, "table " + live.id() + " is owned by manifest " + owner.get() + ", not " + manifest.id()
                    + "; it is left alone" + (manifest.options().adopt() ? " (adopt: true only takes a table that no "
                    + "manifest owns)" : "") + ". To move it, remove its " + Ownership.TAG_KEY + " tag by hand "
                    + "once manifest " + owner.get() + " no longer declares it");
            return new TablePlan(manifest, TableStatus.UNMANAGED, List.of(), List.of(), messages, previouslyApplied);
        }
        // a table the previous run started importing is ours before the import ends and the ownership tag is on
        if (owner.isEmpty() && !manifest.options().adopt()
                && !ImportFamily.startedBefore(manifest, previouslyApplied)) {
            messages.add(0, "unmanaged conflict: table " + live.id() + " exists but is not managed by ddb-gitops; "
                    + "set adopt: true in the manifest to take it over");
            return new TablePlan(manifest, TableStatus.UNMANAGED, List.of(), List.of(), messages, previouslyApplied);
        }
        return new UpdatePlanner(manifest, live, previouslyApplied, history, now, messages, settings).plan();
    }

    private static TablePlan planCreation(TableManifest manifest, Map<String, String> previouslyApplied,
                                          List<String> messages) {
        Map<String, String> desired = new TreeMap<>(Fields.desired(manifest));
        ImportFamily.desired(manifest).ifPresent(source -> desired.put(ImportFamily.FIELD, source));
        // A table we applied before that is now gone was deleted outside git.
        Change.Cause cause = previouslyApplied.isEmpty() ? Change.Cause.GIT : Change.Cause.DRIFT;
        List<Change> changes = new ArrayList<>();
        boolean strong = manifest.options().strong();
        Map<String, String> replicaFields = new TreeMap<>();
        Optional.ofNullable(desired.get(Fields.REPLICAS)).ifPresent(r -> replicaFields.put(Fields.REPLICAS, r));
        if (strong) {
            replicaFields.putAll(StrongConsistencyRules.desired(manifest));
            desired.putAll(replicaFields);
        }
        Optional<String> replicasRefused = manifest.options().replicas().filter(r -> !r.isEmpty())
                .flatMap(r -> ReplicaRules.addReplicaRefusal(manifest, Optional.empty()))
                .or(() -> StrongConsistencyRules.newTableRefusal(manifest));
        replicasRefused.ifPresent(reason -> {
            replicaFields.forEach((field, value) -> {
                desired.remove(field);
                changes.add(new Change(field, Fields.ABSENT, value, Change.BLOCKED, cause));
            });
            messages.add(0, reason);
        });
        desired.forEach((field, value) -> changes.add(new Change(field, Fields.ABSENT, value, "create", cause)));
        AutoScalingFamily scaling = AutoScalingFamily.forNewTable(manifest, previouslyApplied);
        changes.addAll(scaling.changes());
        desired.putAll(scaling.applied());
        List<SettingFamily> families = SettingFamilies.forNewTable(manifest, previouslyApplied);
        List<Action> settingCalls = new ArrayList<>();
        for (SettingFamily family : families) {
            family.groups().forEach(g -> {
                changes.addAll(g.changes());
                g.step().ifPresent(step -> settingCalls.add(new Action.TableSetting(step)));
            });
            desired.putAll(family.applied());
            messages.addAll(family.messages());
        }
        ResourcePolicyFamily policy = ResourcePolicyFamily.forNewTable(manifest, previouslyApplied);
        changes.addAll(policy.changes());
        desired.putAll(policy.applied());
        messages.addAll(policy.messages());
        KinesisFamily kinesis = KinesisFamily.forNewTable(manifest, previouslyApplied);
        changes.addAll(kinesis.changes());
        desired.putAll(kinesis.applied());
        TableOptions o = manifest.options();
        Map<String, String> tags = new TreeMap<>(o.tags());
        tags.putAll(Ownership.tagFor(manifest));
        List<Action> actions = new ArrayList<>();
        actions.add(creationAction(manifest, tags));
        if (o.s3Import().isPresent()) {
            actions.addAll(ImportFamily.afterImport(manifest));
        }
        scaling.settings().forEach(step -> actions.add(new Action.AutoScaling(step)));
        o.ttlAttributeName().ifPresent(attribute -> actions.add(new Action.SetTimeToLive(attribute, true)));
        if (replicasRefused.isEmpty() && strong) {
            actions.add(StrongConsistencyRules.creation(manifest));
        } else if (replicasRefused.isEmpty()) {
            o.replicaSpecs().ifPresent(specs -> specs.stream().sorted(Comparator.comparing(ReplicaSpec::region))
                    .forEach(r -> actions.add(new Action.AddReplica(r))));
        }
        if (manifest.pitr().orElse(false)) {
            actions.add(new Action.UpdatePitr(true, o.pitrRecoveryPeriodDays()));
        }
        actions.addAll(settingCalls);
        kinesis.steps().forEach(step -> actions.add(new Action.Kinesis(step)));
        policy.steps().forEach(step -> actions.add(new Action.ResourcePolicy(step)));
        TableStatus status = replicasRefused.isPresent() ? TableStatus.BLOCKED
                : cause == Change.Cause.DRIFT ? TableStatus.DRIFTED : TableStatus.CREATED;
        if (cause == Change.Cause.DRIFT) {
            messages.add(0, "table was deleted outside git; it will be created again (empty)");
        }
        return new TablePlan(manifest, status, changes, actions, messages, desired);
    }

    /**
     * A manifest with {@code restore} or {@code import} creates its table from that data; the rest of the plan follows
     * as usual.
     */
    private static Action creationAction(TableManifest manifest, Map<String, String> tags) {
        Optional<Action> imported = manifest.options().s3Import()
                .map(source -> new Action.ImportTable(manifest, source, tags));
        return imported.or(() -> manifest.options().restore()
                        .map(source -> new Action.RestoreTable(manifest, source, tags)))
                .orElseGet(() -> new Action.CreateTable(manifest, tags));
    }

    /** One table's update plan, built section by section in DynamoDB's order. */
    private static final class UpdatePlanner {
        private final TableManifest manifest;
        private final ObservedTable live;
        private final Map<String, String> previouslyApplied;
        private final Instant now;
        private final List<String> messages;
        private final Map<String, String> desired;
        private final Map<String, String> wanted;
        private final Map<String, String> actual;
        private final Map<String, String> applied;
        private final List<Change> changes = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();
        private final Map<Action, List<String>> actionFields = new java.util.HashMap<>();
        private final ChangeHistory history;
        private final PlanSettings settings;
        private final Map<String, Instant> inProgress = new TreeMap<>();
        private int changesActedOn;
        private List<String> lastActionFields = List.of();
        private final AutoScalingFamily scaling;
        private final List<SettingFamily> families;
        private final ResourcePolicyFamily policy;
        private final KinesisFamily kinesis;
        private boolean blocked;
        private boolean safetyBackupTaken;

        UpdatePlanner(TableManifest manifest, ObservedTable live, Map<String, String> previouslyApplied,
                      ChangeHistory history, Instant now, List<String> messages, PlanSettings settings) {
            this.manifest = manifest;
            this.history = history.withEvidence(live.history().lastSwitchToPayPerRequest(), live.lastTableClassChange());
            this.settings = settings;
            this.live = live;
            Optional<KmsKeyComparison.Wanted> kmsKey = SettingFamilies.kmsKey(manifest, live);
            this.previouslyApplied = kmsKey.map(k -> k.recorded(previouslyApplied, manifest)).orElse(previouslyApplied);
            this.now = now;
            this.messages = messages;
            this.desired = Fields.desired(manifest);
            this.actual = Fields.observed(live);
            this.wanted = new TreeMap<>(desired);
            wanted.putAll(Fields.removed(desired, previouslyApplied));
            authoritativeIndexLists();
            this.applied = new TreeMap<>(desired);
            strongConsistencyFields();
            this.scaling = AutoScalingFamily.forTable(manifest, live, previouslyApplied);
            leaveCapacityToTheScaler();
            this.families = SettingFamilies.forTable(manifest, live, previouslyApplied);
            kmsKey.ifPresent(key -> {
                wanted.put(Fields.SSE, key.value());
                applied.put(Fields.SSE, key.value());
                key.warning().ifPresent(messages::add);
            });
            this.policy = ResourcePolicyFamily.forTable(manifest, live.resourcePolicy(), previouslyApplied);
            this.kinesis = KinesisFamily.forTable(manifest, live.kinesis(), previouslyApplied);
        }

        /**
         * The consistency mode and witness are compared only when multi-Region strong consistency is involved, so the
         * reports of every other table stay as they were.
         */
        private void strongConsistencyFields() {
            if (!StrongConsistencyRules.involved(manifest, Optional.of(live))) {
                return;
            }
            Map<String, String> strong = StrongConsistencyRules.desired(manifest);
            wanted.putAll(strong);
            applied.putAll(strong);
            actual.putAll(StrongConsistencyRules.observed(live));
            if (actual.containsKey(StrongConsistencyRules.WITNESS)) {
                wanted.putIfAbsent(StrongConsistencyRules.WITNESS, Fields.ABSENT);
            }
        }

        /**
         * A capacity Application Auto Scaling owns is wanted at its live value: it never differs, and an UpdateTable
         * that must carry it (the other dimension changed) sends what the scaler set. It is not ours to record.
         */
        private void leaveCapacityToTheScaler() {
            for (String field : scaling.scalerOwnedCapacity()) {
                if (wanted.containsKey(field) && actual.containsKey(field)) {
                    wanted.put(field, actual.get(field));
                }
                applied.remove(field);
            }
        }

        /** A listed set of indexes is the whole set: live indexes it does not name are deleted (GSI) or blocked (LSI). */
        private void authoritativeIndexLists() {
            TableOptions o = manifest.options();
            if (o.globalSecondaryIndexes().isPresent()) {
                actual.keySet().stream()
                        .filter(f -> f.startsWith(Fields.GSI) && Fields.isIndexDefinition(f) && !wanted.containsKey(f))
                        .toList().forEach(f -> wanted.put(f, Fields.ABSENT));
            }
            if (o.localSecondaryIndexes().isPresent()) {
                actual.keySet().stream()
                        .filter(f -> f.startsWith(Fields.LSI) && !wanted.containsKey(f))
                        .toList().forEach(f -> wanted.put(f, Fields.ABSENT));
            }
        }

        TablePlan plan() {
            longWorkAtRead();
            keys();
            s3Import();
            IndexChanges indexes = IndexChanges.of(manifest, live, wanted, actual);
            autoScaling(scaling.removals());
            throughput(indexes);
            indexes(indexes);
            autoScaling(scaling.settings());
            stream();
            timeToLive();
            simpleSettings();
            replicas();
            pitr();
            settingFamilies();
            tags();
            ownership();
            changes.addAll(scaling.changes());
            messages.addAll(scaling.messages());
            applied.putAll(scaling.applied());
            kinesis();
            resourcePolicy();
            return new TablePlan(manifest, status(), changes, actions, messages, applied,
                    history.withInProgress(inProgress), actionFields);
        }

        /**
         * Kinesis streaming does not need UpdateTable, but waits with the rest on a busy table; a destination still
         * ENABLING is long work of its own, reported in progress since it was first seen.
         */
        private void kinesis() {
            changes.addAll(kinesis.changes());
            messages.addAll(kinesis.messages());
            applied.putAll(kinesis.applied());
            boolean busy = busyAtRead();
            kinesis.inProgress().forEach((field, status) -> progress(field, status));
            if (!busy) {
                kinesis.steps().forEach(step -> actions.add(new Action.Kinesis(step)));
            }
        }

        /**
         * Last, after tags: a policy that locks this tool out must not stop the rest of the table being put right.
         * Like auto scaling, it waits while the table is busy with long work.
         */
        private void resourcePolicy() {
            changes.addAll(policy.changes());
            messages.addAll(policy.messages());
            applied.putAll(policy.applied());
            if (!busyAtRead()) {
                policy.steps().forEach(step -> actions.add(new Action.ResourcePolicy(step)));
            }
        }

        /** On a table busy with long work, auto scaling waits with the rest: a new index may not exist yet. */
        private void autoScaling(List<ScalingStep> steps) {
            if (!busyAtRead()) {
                steps.forEach(step -> actions.add(new Action.AutoScaling(step)));
            }
        }

        /**
         * Work DynamoDB is still doing (a table or index not ACTIVE) is reported in progress since it was first seen;
         * unless this run waits, what needs an UpdateTable is left for a later run ({@link #act}).
         */
        private void longWorkAtRead() {
            if (!live.status().equals("ACTIVE")) {
                progress(TABLE_STATUS, live.status());
            }
            live.globalIndexes().stream().filter(g -> !g.status().equals("ACTIVE"))
                    .forEach(g -> progress(Fields.GSI + g.name() + STATUS_SUFFIX, g.status()));
        }

        private void progress(String field, String status) {
            Instant since = history.inProgressSince().getOrDefault(field, now);
            inProgress.put(field, since);
            changes.add(new Change(field, status, "ACTIVE", Change.IN_PROGRESS, Change.Cause.GIT, Optional.empty(),
                    Optional.of(since)));
            changesActedOn = changes.size();
        }

        private boolean busyAtRead() {
            return !inProgress.isEmpty() && !settings.waitForLongWork();
        }

        /**
         * Adds an action carrying out the changes recorded since the previous one. On a table still busy with long
         * work, an action that needs UpdateTable (which DynamoDB refuses until the table and its indexes are ACTIVE)
         * is left out and its changes are pending: the next run continues the sequence.
         */
        private void act(Action action) {
            List<Change> served = changes.subList(changesActedOn, changes.size());
            List<String> fields = served.stream().map(Change::field).toList();
            if (fields.isEmpty()) {
                fields = lastActionFields;
            }
            lastActionFields = fields;
            changesActedOn = changes.size();
            if (busyAtRead() && needsActiveTable(action)) {
                for (int i = 0; i < changes.size(); i++) {
                    Change c = changes.get(i);
                    if (fields.contains(c.field()) && !c.action().equals(Change.BLOCKED)
                            && !c.action().equals(Change.IN_PROGRESS)) {
                        changes.set(i, new Change(c.field(), c.from(), c.to(), Change.PENDING, c.cause()));
                        keepPreviouslyApplied(c.field());
                    }
                }
                return;
            }
            actions.add(action);
            actionFields.merge(action, fields, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }

        private void keys() {
            for (String field : wanted.keySet()) {
                if (Fields.forcesRecreate(field) && differs(field)) {
                    block(field, field + " cannot be changed in place (" + have(field) + " → " + want(field)
                            + "); the table must be recreated, for example by restoring a backup into a new table "
                            + "with a restore manifest; nothing was changed");
                }
            }
        }

        /** An import into the table that exists cannot happen: blocked, unless this very import made the table. */
        private void s3Import() {
            Optional<String> source = ImportFamily.desired(manifest);
            if (source.isEmpty()) {
                return;
            }
            wanted.put(ImportFamily.FIELD, source.get());
            Optional<String> refused = ImportFamily.refusal(manifest, live.id().toString(), previouslyApplied);
            if (refused.isPresent()) {
                block(ImportFamily.FIELD, refused.get());
            } else {
                applied.put(ImportFamily.FIELD, source.get());
            }
        }

        private void throughput(IndexChanges indexes) {
            List<String> fields = differing(Fields.BILLING_MODE, Fields.READ_CAPACITY, Fields.WRITE_CAPACITY,
                    Fields.MAX_READ, Fields.MAX_WRITE);
            if (fields.isEmpty()) {
                return;
            }
            TableOptions o = manifest.options();
            BillingMode target = o.billingMode();
            long read = capacity(Fields.READ_CAPACITY, manifest.readCapacity());
            long write = capacity(Fields.WRITE_CAPACITY, manifest.writeCapacity());
            if (target == BillingMode.PAY_PER_REQUEST && live.billingMode() == BillingMode.PROVISIONED) {
                Optional<Instant> next = RateRules.nextSwitchToOnDemand(history.switchesToOnDemand(), now);
                if (next.isPresent()) {
                    fields.forEach(f -> block(f, "switching to on-demand billing is allowed "
                            + RateRules.SWITCHES_TO_ON_DEMAND + " times in a rolling 24 hours and the table has used "
                            + "them; " + PossibleAt.text(next.get()) + " (" + RateRules.SWITCH_TO_ON_DEMAND.source() + ")",
                            next));
                    return;
                }
            } else if (target == BillingMode.PROVISIONED && live.billingMode() == BillingMode.PROVISIONED
                    && (read < live.readCapacity() || write < live.writeCapacity())) {
                Optional<Instant> next = RateRules.nextDecrease(live.history(), settings.throughputDecreasesPerDay(), now);
                if (next.isPresent()) {
                    fields.forEach(f -> block(f, "the daily budget of throughput decreases is spent ("
                            + live.history().decreasesToday() + " today, quota " + settings.throughputDecreasesPerDay()
                            + "); the next decrease is " + PossibleAt.text(next.get()), next));
                    return;
                }
            }
            fields.forEach(f -> change(f, "update"));
            List<Action.IndexThroughput> indexThroughput = target == BillingMode.PROVISIONED
                    && live.billingMode() == BillingMode.PAY_PER_REQUEST ? indexes.keptThroughput() : List.of();
            act(new Action.UpdateThroughput(target, read, write,
                    o.maxReadRequestUnits(), o.maxWriteRequestUnits(), indexThroughput));
        }

        private long capacity(String field, long manifestValue) {
            return wanted.containsKey(field) ? Long.parseLong(wanted.get(field)) : manifestValue;
        }

        private void indexes(IndexChanges indexes) {
            boolean backupFirst = manifest.options().backup().beforeDestructiveChange();
            for (IndexChanges.Removal removal : indexes.removals()) {
                change(removal.field(), removal.recreate() ? "recreate" : "delete");
                if (removal.recreate()) {
                    messages.add("index " + removal.name() + " is deleted and created again because its keys or "
                            + "projection changed; queries on it fail until it is ACTIVE again");
                }
                if (backupFirst && !safetyBackupTaken) {
                    act(new Action.SafetyBackup("before deleting index " + removal.name()));
                    safetyBackupTaken = true;
                }
                act(new Action.DeleteIndex(removal.name()));
            }
            boolean switchingToProvisioned = manifest.options().billingMode() == BillingMode.PROVISIONED
                    && live.billingMode() == BillingMode.PAY_PER_REQUEST;
            for (IndexChanges.ThroughputChange update : indexes.throughputChanges()) {
                if (switchingToProvisioned) {
                    update.fields().forEach(f -> change(f, "update"));
                    continue;
                }
                Optional<Instant> notYet = update.decrease()
                        ? RateRules.nextDecrease(update.history(), settings.throughputDecreasesPerDay(), now)
                        : Optional.empty();
                if (notYet.isPresent()) {
                    update.fields().forEach(f -> block(f, "the daily budget of throughput decreases of index "
                            + update.throughput().indexName() + " is spent; the next decrease is "
                            + PossibleAt.text(notYet.get()), notYet));
                } else {
                    update.fields().forEach(f -> change(f, "update"));
                    act(new Action.UpdateIndexThroughput(update.throughput()));
                }
            }
            for (IndexChanges.Creation creation : indexes.creations()) {
                if (!creation.recreate()) {
                    change(creation.field(), "create");
                }
                act(new Action.CreateIndex(creation.index(), creation.throughput()));
            }
        }

        private void stream() {
            if (!differs(Fields.STREAM)) {
                return;
            }
            Optional<String> refused = ReplicaRules.streamChangeRefusal(live);
            if (refused.isPresent()) {
                block(Fields.STREAM, refused.get());
                return;
            }
            change(Fields.STREAM, "update");
            if (live.stream().isPresent() && !want(Fields.STREAM).equals(Fields.DISABLED)) {
                messages.add("the stream view type changes from " + live.stream().get() + " to " + want(Fields.STREAM)
                        + ": the table gets a new stream ARN and consumers of the old one stop receiving records");
            }
            if (live.stream().isPresent()) {
                act(new Action.SetStream(Optional.empty()));
            }
            if (!want(Fields.STREAM).equals(Fields.DISABLED)) {
                act(new Action.SetStream(manifest.options().streamViewType()));
            }
        }

        private void timeToLive() {
            if (!wanted.containsKey(Fields.TTL) || live.ttl().isEmpty() || !differs(Fields.TTL)) {
                return;
            }
            ObservedTable.TimeToLive ttl = live.ttl().get();
            Optional<Instant> next = RateRules.nextTimeToLiveChange(history.lastTimeToLiveChange(), now);
            if (next.isPresent()) {
                block(Fields.TTL, "TTL was changed at " + history.lastTimeToLiveChange().orElseThrow()
                        + " and DynamoDB allows one TTL change per table per hour; " + PossibleAt.text(next.get()), next);
                return;
            }
            if (ttl.changing()) {
                block(Fields.TTL, "TTL is still " + ttl.status() + "; DynamoDB allows one TTL change per hour, "
                        + "so the change waits for a later run", Optional.empty());
                return;
            }
            String want = want(Fields.TTL);
            if (ttl.enabled()) {
                act(new Action.SetTimeToLive(ttl.attribute().orElseThrow(), false));
                if (want.equals(Fields.DISABLED)) {
                    change(Fields.TTL, "update");
                } else {
                    Instant later = now.plus(RateRules.TTL_SPACING);
                    block(Fields.TTL, "TTL on " + ttl.attribute().orElseThrow() + " is disabled now; DynamoDB allows one "
                            + "TTL change per hour, so enabling it on " + want + " is " + PossibleAt.text(later),
                            Optional.of(later));
                }
            } else {
                change(Fields.TTL, "update");
                act(new Action.SetTimeToLive(want, true));
            }
        }

        private void simpleSettings() {
            TableOptions o = manifest.options();
            if (differs(Fields.DELETION_PROTECTION)) {
                change(Fields.DELETION_PROTECTION, "update");
                act(new Action.SetDeletionProtection(o.deletionProtection().orElseThrow()));
            }
            if (differs(Fields.TABLE_CLASS)) {
                Optional<Instant> next = RateRules.nextTableClassChange(history.tableClassChanges(), now);
                if (next.isPresent()) {
                    block(Fields.TABLE_CLASS, "the table class may change " + RateRules.TABLE_CLASS_CHANGES
                            + " times in a trailing 30 days and the table has used them; " + PossibleAt.text(next.get())
                            + " (" + RateRules.TABLE_CLASS.source() + ")", next);
                } else {
                    change(Fields.TABLE_CLASS, "update");
                    act(new Action.SetTableClass(o.tableClass().orElseThrow()));
                }
            }
            if (differs(Fields.SSE)) {
                change(Fields.SSE, "update");
                act(new Action.SetEncryption(o.sse().orElseThrow()));
            }
        }

        private void replicas() {
            if (StrongConsistencyRules.involved(manifest, Optional.of(live))) {
                strongConsistency();
                return;
            }
            if (!differs(Fields.REPLICAS)) {
                return;
            }
            List<String> target = manifest.options().replicas().orElse(List.of());
            boolean adding = target.stream().anyMatch(r -> !live.replicas().contains(r));
            Optional<String> refused = adding
                    ? ReplicaRules.addReplicaRefusal(manifest, Optional.of(live)) : Optional.empty();
            if (refused.isPresent()) {
                block(Fields.REPLICAS, refused.get());
                return;
            }
            change(Fields.REPLICAS, "update");
            manifest.options().replicaSpecs().orElse(List.of()).stream()
                    .filter(r -> !live.replicas().contains(r.region()))
                    .sorted(Comparator.comparing(ReplicaSpec::region))
                    .forEach(r -> act(new Action.AddReplica(r)));
            live.replicas().stream().filter(r -> !target.contains(r)).sorted()
                    .forEach(r -> act(new Action.RemoveReplica(r)));
        }

        /**
         * A strongly consistent table gets its replicas, mode and witness in one UpdateTable, and never changes them
         * afterwards ({@link StrongConsistencyRules}).
         */
        private void strongConsistency() {
            List<String> fields = differing(Fields.REPLICAS, StrongConsistencyRules.MODE, StrongConsistencyRules.WITNESS);
            if (fields.isEmpty()) {
                return;
            }
            Optional<String> refused = StrongConsistencyRules.refusal(manifest, live)
                    .or(() -> ReplicaRules.addReplicaRefusal(manifest, Optional.of(live)));
            if (refused.isPresent()) {
                fields.forEach(f -> block(f, refused.get()));
                return;
            }
            fields.forEach(f -> change(f, "update"));
            act(StrongConsistencyRules.creation(manifest));
        }

        private void pitr() {
            boolean onOff = differs(Fields.PITR);
            boolean days = differs(Fields.PITR_DAYS);
            if (!onOff && !days) {
                return;
            }
            if (onOff) {
                change(Fields.PITR, "update");
            }
            if (days) {
                change(Fields.PITR_DAYS, "update");
            }
            boolean on = manifest.pitr().orElseThrow();
            act(new Action.UpdatePitr(on, on ? manifest.options().pitrRecoveryPeriodDays() : Optional.empty()));
        }

        /**
         * Warm throughput, index caps and contributor insights, each family's groups in the family's order: after
         * billing (caps need on-demand) and index creations (an index's settings need the index).
         */
        private void settingFamilies() {
            for (SettingFamily family : families) {
                applied.putAll(family.applied());
                messages.addAll(family.messages().stream().filter(m -> !messages.contains(m)).toList());
                for (SettingFamily.Group group : family.groups()) {
                    changes.addAll(group.changes());
                    if (group.step().isPresent()) {
                        act(new Action.TableSetting(group.step().get()));
                    } else {
                        blocked |= group.changes().stream().anyMatch(c -> c.action().equals(Change.BLOCKED));
                        changesActedOn = changes.size();
                    }
                }
            }
        }

        private void tags() {
            Map<String, String> add = new TreeMap<>();
            List<String> remove = new ArrayList<>();
            for (String field : wanted.keySet()) {
                if (!field.startsWith(Fields.TAG) || !differs(field)) {
                    continue;
                }
                String key = field.substring(Fields.TAG.length());
                if (want(field).equals(Fields.ABSENT)) {
                    change(field, "delete");
                    remove.add(key);
                } else {
                    change(field, "update");
                    add.put(key, want(field));
                }
            }
            if (!add.isEmpty()) {
                act(new Action.TagTable(add));
            }
            if (!remove.isEmpty()) {
                act(new Action.UntagTable(java.util.Set.copyOf(remove)));
            }
        }

        private void ownership() {
            if (differs(Fields.OWNER)) {
                change(Fields.OWNER, "update");
                act(new Action.TagTable(Ownership.tagFor(manifest)));
                messages.add(ImportFamily.startedBefore(manifest, previouslyApplied) && !manifest.options().adopt()
                        ? "tagging table " + live.id() + ", which the previous run's import made, as ours"
                        : "adopting existing table " + live.id());
            }
        }

        private TableStatus status() {
            if (blocked) {
                return TableStatus.BLOCKED;
            }
            if (busyAtRead() || (!inProgress.isEmpty() && actions.isEmpty())) {
                return TableStatus.IN_PROGRESS;
            }
            if (changes.isEmpty()) {
                return TableStatus.IN_SYNC;
            }
            return changes.stream().anyMatch(c -> c.cause() == Change.Cause.DRIFT)
                    ? TableStatus.DRIFTED : TableStatus.CHANGED;
        }

        private boolean differs(String field) {
            return wanted.containsKey(field) && !Fields.matches(field, want(field), have(field));
        }

        private List<String> differing(String... fields) {
            return java.util.Arrays.stream(fields).filter(this::differs).toList();
        }

        private String want(String field) {
            return wanted.get(field);
        }

        private String have(String field) {
            return actual.getOrDefault(field, Fields.ABSENT);
        }

        private Change.Cause cause(String field) {
            return want(field).equals(previouslyApplied.get(field)) ? Change.Cause.DRIFT : Change.Cause.GIT;
        }

        private void change(String field, String action) {
            changes.add(new Change(field, have(field), want(field), action, cause(field)));
        }

        private void block(String field, String reason) {
            block(field, reason, Optional.empty());
        }

        private void block(String field, String reason, Optional<Instant> possibleAt) {
            blocked = true;
            changes.add(new Change(field, have(field), want(field), Change.BLOCKED, cause(field), possibleAt,
                    Optional.empty()));
            changesActedOn = changes.size();
            if (!messages.contains(reason)) {
                messages.add(0, reason);
            }
            keepPreviouslyApplied(field);
        }

        private void keepPreviouslyApplied(String field) {
            if (previouslyApplied.containsKey(field)) {
                applied.put(field, previouslyApplied.get(field));
            } else {
                applied.remove(field);
            }
        }
    }

    /** The field under which a busy table is reported in progress. */
    public static final String TABLE_STATUS = "table_status";
    /** Suffix of the field under which an index that is not ACTIVE is reported in progress. */
    public static final String STATUS_SUFFIX = ".status";

    /** UpdateTable and what must precede it need the table and its indexes ACTIVE; TTL, PITR, tags do not. */
    public static boolean needsActiveTable(Action action) {
        if (action instanceof Action.TableSetting setting) {
            return setting.step().needsActiveTable();
        }
        return !(action instanceof Action.SetTimeToLive || action instanceof Action.UpdatePitr
                || action instanceof Action.TagTable || action instanceof Action.UntagTable);
    }

    /** Long work DynamoDB does after accepting the call: the run starts it and does not wait (unless --wait). */
    public static boolean isLongWork(Action action) {
        return action instanceof Action.CreateIndex || action instanceof Action.AddReplica
                || action instanceof Action.CreateStrongGlobalTable
                || action instanceof Action.SetTableClass || action instanceof Action.SetEncryption
                || action instanceof Action.RestoreTable;
    }

    /** The in-progress key a long action is reported under, the same one the next run finds it busy under. */
    public static String progressKey(Action action) {
        return action instanceof Action.CreateIndex c ? Fields.GSI + c.index().indexName() + STATUS_SUFFIX : TABLE_STATUS;
    }

    /** The manifest's declaration of a global index. */
    static Optional<GlobalSecondaryIndex> gsi(TableManifest manifest, String name) {
        return manifest.options().globalSecondaryIndexes().orElse(List.of()).stream()
                .filter(g -> g.indexName().equals(name)).findFirst();
    }
}
