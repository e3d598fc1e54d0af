package io.ddbgitops.plan.replicas;

import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.Fields;
import io.ddbgitops.plan.ObservedTable;
import io.ddbgitops.plan.settings.SettingFamily;
import io.ddbgitops.plan.settings.SettingStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Each replica's own settings (read override or on-demand read cap, table class, KMS key, per-index read overrides),
 * compared with DescribeTable's {@code Replicas} (no call of its own). A replica added in this run gets them in its
 * ReplicaUpdates {@code Create} (CreateReplicationGroupMemberAction has the same fields), so nothing more is sent;
 * an existing replica whose settings differ gets one ReplicaUpdates {@code Update} per UpdateTable, carrying only what
 * differs: UpdateReplicationGroupMemberAction leaves a setting it is not given as it is. AWS limits an UpdateTable to
 * one replica Create or Delete (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html,
 * checked 2026-12-01) and documents no limit on Updates; an Update of a replica's settings is an UpdateTable in the
 * replica's region (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ReplicationGroupUpdate.html,
 * checked 2026-12-01), so one replica per call keeps a refusal to its own replica, as the other families do.
 *
 * <p>AWS has no way to take an override away: a setting left out is left as it is, ProvisionedThroughputOverride's
 * ReadCapacityUnits must be at least 1, and OnDemandThroughputOverride documents no "no cap" value (unlike the
 * table's OnDemandThroughput and its -1). So deleting a read override, read cap or KMS key line that this tool set is
 * {@code blocked} with that reason while the replica still has it; a table class line deleted sets the replica back to
 * the table's class, which AWS does allow. Sources (checked 2026-12-01): {@link #SOURCE}.
 */
public final class ReplicaSettingsFamily extends SettingFamily {
    public static final String SOURCE =
            "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateReplicationGroupMemberAction.html,"
                    + " https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughputOverride.html,"
                    + " https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_OnDemandThroughputOverride.html"
                    + " (checked 2026-12-01)";
    static final String READ = ".read_capacity_override";
    static final String MAX_READ = ".max_read_request_units";
    static final String TABLE_CLASS = ".table_class";
    static final String KMS = ".kms_key_id";
    private static final String INDEX = ".gsi.";

    private ReplicaSettingsFamily(Map<String, String> previouslyApplied) {
        super(previouslyApplied);
    }

    /** The report field prefix of one replica's settings: {@code replica.REGION}. */
    public static String field(String region) {
        return "replica." + region;
    }

    static String indexField(String region, String index) {
        return field(region) + INDEX + index;
    }

    /** A new table's replicas are created with their settings, unless AWS refuses the replicas themselves. */
    public static ReplicaSettingsFamily forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        ReplicaSettingsFamily family = new ReplicaSettingsFamily(previouslyApplied);
        if (ReplicaRules.addReplicaRefusal(manifest, Optional.empty()).isEmpty()) {
            specs(manifest).forEach(family::created);
        }
        return family;
    }

    public static ReplicaSettingsFamily forTable(TableManifest manifest, ObservedTable live,
                                                 Map<String, String> previouslyApplied) {
        ReplicaSettingsFamily family = new ReplicaSettingsFamily(previouslyApplied);
        boolean addRefused = ReplicaRules.addReplicaRefusal(manifest, Optional.of(live)).isPresent();
        for (ReplicaSpec spec : specs(manifest)) {
            if (live.replicas().contains(spec.region())) {
                family.converge(spec, live.replicaSettings().getOrDefault(spec.region(), ReplicaSpec.of(spec.region())),
                        manifest, live);
            } else if (!addRefused) {
                family.created(spec);
            }
        }
        return family;
    }

    private static List<ReplicaSpec> specs(TableManifest manifest) {
        return manifest.options().replicaSpecs().orElse(List.of());
    }

    /** Settings the replica's Create carries: recorded as made, no call of their own. */
    private void created(ReplicaSpec spec) {
        String f = field(spec.region());
        spec.readCapacityOverride().ifPresent(r -> created(f + READ, Long.toString(r)));
        spec.maxReadRequestUnits().ifPresent(r -> created(f + MAX_READ, Long.toString(r)));
        spec.tableClass().ifPresent(c -> created(f + TABLE_CLASS, c.name()));
        spec.kmsKeyId().ifPresent(k -> created(f + KMS, k));
        for (ReplicaSpec.IndexOverride index : spec.globalSecondaryIndexes()) {
            String i = indexField(spec.region(), index.indexName());
            index.readCapacityOverride().ifPresent(r -> created(i + READ, Long.toString(r)));
            index.maxReadRequestUnits().ifPresent(r -> created(i + MAX_READ, Long.toString(r)));
        }
    }

    private void created(String field, String value) {
        applied(field, value);
        groupWithoutStep(change(field, Optional.empty(), value, "create"));
    }

    private void converge(ReplicaSpec want, ReplicaSpec have, TableManifest manifest, ObservedTable live) {
        String region = want.region();
        String f = field(region);
        List<Change> changes = new ArrayList<>();
        Optional<Long> read = capacity(f + READ, want.readCapacityOverride(), have.readCapacityOverride(), changes,
                "read_capacity_override of replica " + region);
        Optional<Long> maxRead = capacity(f + MAX_READ, want.maxReadRequestUnits(), have.maxReadRequestUnits(),
                changes, "max_read_request_units of replica " + region);
        Optional<TableClass> tableClass = tableClass(f + TABLE_CLASS, want.tableClass(),
                have.tableClass().orElse(live.tableClass()),
                manifest.options().tableClass().orElse(live.tableClass()), changes);
        Optional<String> kmsKey = kmsKey(region, want.kmsKeyId(), have.kmsKeyId(), live, changes);
        List<ReplicaSpec.IndexOverride> indexes = new ArrayList<>();
        for (String index : indexNames(want)) {
            ReplicaSpec.IndexOverride wanted = override(want, index);
            ReplicaSpec.IndexOverride had = override(have, index);
            String i = indexField(region, index);
            Optional<Long> indexRead = capacity(i + READ, wanted.readCapacityOverride(), had.readCapacityOverride(),
                    changes, "read_capacity_override of index " + index + " of replica " + region);
            Optional<Long> indexMaxRead = capacity(i + MAX_READ, wanted.maxReadRequestUnits(),
                    had.maxReadRequestUnits(), changes,
                    "max_read_request_units of index " + index + " of replica " + region);
            if (indexRead.isPresent() || indexMaxRead.isPresent()) {
                indexes.add(new ReplicaSpec.IndexOverride(index, indexRead, indexMaxRead));
            }
        }
        if (!changes.isEmpty()) {
            group(changes, new SettingStep.UpdateReplica(
                    new ReplicaSpec(region, read, maxRead, tableClass, kmsKey, indexes)));
        }
    }

    /** The value to send for a read override or cap: the manifest's when it differs, else nothing. */
    private Optional<Long> capacity(String field, Optional<Long> want, Optional<Long> have, List<Change> changes,
                                    String what) {
        Optional<String> live = have.map(Object::toString);
        if (want.isPresent()) {
            applied(field, Long.toString(want.get()));
            if (want.equals(have)) {
                return Optional.empty();
            }
            changes.add(change(field, live, Long.toString(want.get()), have.isPresent() ? "update" : "create"));
            return want;
        }
        if (previouslyApplied.containsKey(field) && have.isPresent()) {
            blocked(new Change(field, live.get(), Fields.ABSENT, Change.BLOCKED, Change.Cause.GIT),
                    cannotRemove(what, "a setting UpdateReplicationGroupMemberAction is not given is left as it is, "
                            + "a read override must be at least 1 and a replica's read cap has no \"no cap\" value; "
                            + "keep the line with the value you want, or remove the replica and add it again"));
        }
        return Optional.empty();
    }

    /**
     * The table class to send: the manifest's when it differs; after its line was deleted, the table's, when the
     * replica still has a class of its own.
     */
    private Optional<TableClass> tableClass(String field, Optional<TableClass> want, TableClass have,
                                            TableClass tables, List<Change> changes) {
        if (want.isPresent()) {
            applied(field, want.get().name());
            if (want.get() == have) {
                return Optional.empty();
            }
            changes.add(change(field, Optional.of(have.name()), want.get().name(), "update"));
            return want;
        }
        if (previouslyApplied.containsKey(field) && have != tables) {
            changes.add(new Change(field, have.name(), tables.name(), "update", Change.Cause.GIT));
            return Optional.of(tables);
        }
        return Optional.empty();
    }

    /**
     * The KMS key to send. Keys are compared as key ARNs (a key id is a key of the replica's region, in the table's
     * account); an alias lives in the replica's region, which this tool does not read, so it is sent when the replica
     * is created and not compared afterwards, and the plan says so.
     */
    private Optional<String> kmsKey(String region, Optional<String> want, Optional<String> have, ObservedTable live,
                                    List<Change> changes) {
        String field = field(region) + KMS;
        Optional<String> haveArn = have.flatMap(k -> ReplicaKeys.arn(k, region, live));
        if (want.isEmpty()) {
            if (previouslyApplied.containsKey(field) && have.isPresent()) {
                blocked(new Change(field, have.get(), Fields.ABSENT, Change.BLOCKED, Change.Cause.GIT),
                        cannotRemove("kms_key_id of replica " + region, "a replica of a table encrypted with KMS "
                                + "keeps a customer key of its own region, and a setting UpdateReplicationGroupMemberAction "
                                + "is not given is left as it is; name the key the replica should use"));
            }
            return Optional.empty();
        }
        Optional<String> wantArn = ReplicaKeys.arn(want.get(), region, live);
        if (wantArn.isEmpty()) {
            applied(field, want.get());
            note("cannot compare the KMS key of replica " + region + ": " + want.get() + " is an alias, resolved in "
                    + "the replica's region, which is not read; it was sent when the replica was created and is not "
                    + "compared since (give the key's ARN to have it compared)");
            return Optional.empty();
        }
        applied(field, wantArn.get());
        if (wantArn.equals(haveArn)) {
            return Optional.empty();
        }
        changes.add(change(field, have, wantArn.get(), have.isPresent() ? "update" : "create"));
        return want;
    }

    private String cannotRemove(String what, String why) {
        return what + " cannot be removed: AWS has no way to take a replica's override away (" + why + "); "
                + SOURCE;
    }

    /** The indexes the manifest gives this replica settings for, and those it gave them for in the last report. */
    private TreeSet<String> indexNames(ReplicaSpec want) {
        TreeSet<String> names = new TreeSet<>();
        want.globalSecondaryIndexes().forEach(i -> names.add(i.indexName()));
        String prefix = field(want.region()) + INDEX;
        previouslyApplied.keySet().stream().filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length(), k.lastIndexOf('.')))
                .forEach(names::add);
        return names;
    }

    private static ReplicaSpec.IndexOverride override(ReplicaSpec replica, String index) {
        return replica.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(index)).findFirst()
                .orElse(new ReplicaSpec.IndexOverride(index, Optional.empty(), Optional.empty()));
    }
}
