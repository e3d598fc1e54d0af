package io.ddbgitops.plan.settings;

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

/**
 * On-demand caps of global indexes (OnDemandThroughput per index, PAY_PER_REQUEST tables only): set with the index
 * when it is created, put right by an UpdateTable per index afterwards. A cap whose line was deleted is removed
 * (AWS's -1) only when this tool set it, as the previous report records; a cap set by someone else is left alone.
 */
public final class IndexCapsFamily extends SettingFamily {
    /** AWS's value for "no cap" (API_OnDemandThroughput). */
    public static final long UNCAPPED = -1;
    static final String READ = ".max_read_request_units";
    static final String WRITE = ".max_write_request_units";

    private IndexCapsFamily(Map<String, String> previouslyApplied) {
        super(previouslyApplied);
    }

    public static IndexCapsFamily forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        IndexCapsFamily family = new IndexCapsFamily(previouslyApplied);
        indexes(manifest).forEach(family::created);
        return family;
    }

    public static IndexCapsFamily forTable(TableManifest manifest, ObservedTable live,
                                           Map<String, String> previouslyApplied) {
        IndexCapsFamily family = new IndexCapsFamily(previouslyApplied);
        for (GlobalSecondaryIndex index : indexes(manifest)) {
            if (live.globalIndexes().stream().noneMatch(g -> g.name().equals(index.indexName()))) {
                family.created(index);
            } else {
                family.converge(index, live.settings().indexCaps().getOrDefault(index.indexName(),
                        new ObservedSettings.Caps(Optional.empty(), Optional.empty())));
            }
        }
        return family;
    }

    static String field(String index) {
        return "on_demand.gsi." + index;
    }

    private void created(GlobalSecondaryIndex index) {
        index.maxReadRequestUnits().ifPresent(r -> created(field(index.indexName()) + READ, r));
        index.maxWriteRequestUnits().ifPresent(w -> created(field(index.indexName()) + WRITE, w));
    }

    private void created(String field, long cap) {
        applied(field, Long.toString(cap));
        groupWithoutStep(change(field, Optional.empty(), Long.toString(cap), "create"));
    }

    private void converge(GlobalSecondaryIndex index, ObservedSettings.Caps have) {
        List<Change> changes = new ArrayList<>();
        Optional<Long> read = dimension(field(index.indexName()) + READ, index.maxReadRequestUnits(), have.maxRead(),
                changes);
        Optional<Long> write = dimension(field(index.indexName()) + WRITE, index.maxWriteRequestUnits(),
                have.maxWrite(), changes);
        if (!changes.isEmpty()) {
            group(changes, new SettingStep.SetIndexCaps(Optional.of(index.indexName()), read, write));
        }
    }

    /** The cap to send for one dimension: the manifest's, -1 to remove ours, or empty to leave it. */
    private Optional<Long> dimension(String field, Optional<Long> want, Optional<Long> have, List<Change> changes) {
        Optional<String> live = have.map(Object::toString);
        if (want.isPresent()) {
            applied(field, Long.toString(want.get()));
            if (!want.equals(have)) {
                changes.add(change(field, live, Long.toString(want.get()), have.isPresent() ? "update" : "create"));
                return want;
            }
            return Optional.empty();
        }
        if (previouslyApplied.containsKey(field) && have.isPresent()) {
            changes.add(new Change(field, live.get(), Fields.ABSENT, "delete", Change.Cause.GIT));
            return Optional.of(UNCAPPED);
        }
        return Optional.empty();
    }

    /** The indexes whose caps the manifest manages: all of them on an on-demand table, none otherwise. */
    private static List<GlobalSecondaryIndex> indexes(TableManifest manifest) {
        if (manifest.options().billingMode() != BillingMode.PAY_PER_REQUEST) {
            return List.of();
        }
        return manifest.options().globalSecondaryIndexes().orElse(List.of());
    }
}
