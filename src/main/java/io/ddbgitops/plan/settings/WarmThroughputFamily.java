package io.ddbgitops.plan.settings;

import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.WarmThroughputSpec;
import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.ObservedTable;
import io.ddbgitops.plan.RateRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Warm throughput's one home, for the table and each global index. DynamoDB only raises it: a lower manifest value
 * (or a value someone raised outside git) is blocked with the reason, never sent. Raising it is billed, which the
 * plan says. A new table or index gets it in its CreateTable / Create call; an existing one by its own UpdateTable.
 * Deleting the line leaves the value as it is (it cannot be lowered) and stops comparing it.
 */
public final class WarmThroughputFamily extends SettingFamily {
    public static final String FIELD = "warm_throughput";
    static final String READ = ".read_units_per_second";
    static final String WRITE = ".write_units_per_second";
    static final String BILLED = "raising warm throughput (pre-warming) is billed by AWS; see "
            + "https://aws.amazon.com/dynamodb/pricing/ (" + RateRules.WARM_THROUGHPUT_INCREASE_ONLY.source() + ")";

    private WarmThroughputFamily(Map<String, String> previouslyApplied) {
        super(previouslyApplied);
    }

    public static WarmThroughputFamily forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        WarmThroughputFamily family = new WarmThroughputFamily(previouslyApplied);
        desired(manifest).forEach((index, want) -> family.created(index, want));
        return family;
    }

    public static WarmThroughputFamily forTable(TableManifest manifest, ObservedTable live,
                                                Map<String, String> previouslyApplied) {
        WarmThroughputFamily family = new WarmThroughputFamily(previouslyApplied);
        Map<String, ObservedSettings.Warm> observed = live.settings().warmThroughput();
        desired(manifest).forEach((index, want) -> {
            boolean indexComing = !index.isEmpty() && live.globalIndexes().stream().noneMatch(g -> g.name().equals(index));
            if (indexComing) {
                family.created(index, want);
            } else if (!observed.containsKey(index)) {
                family.unreadable(index, want);
            } else {
                family.converge(index, want, observed.get(index));
            }
        });
        return family;
    }

    /** Prefix of the report fields of the table ("") or an index. */
    static String field(String index) {
        return FIELD + (index.isEmpty() ? "" : ".gsi." + index);
    }

    private void created(String index, WarmThroughputSpec want) {
        List<Change> changes = new ArrayList<>();
        want.readUnitsPerSecond().ifPresent(r -> changes.add(change(field(index) + READ, Optional.empty(),
                Long.toString(r), "create")));
        want.writeUnitsPerSecond().ifPresent(w -> changes.add(change(field(index) + WRITE, Optional.empty(),
                Long.toString(w), "create")));
        changes.forEach(c -> applied(c.field(), c.to()));
        // CreateTable or the index's Create carries it: a change with nothing more to call
        changes.forEach(this::groupWithoutStep);
        if (!changes.isEmpty()) {
            note(BILLED);
        }
    }

    private void converge(String index, WarmThroughputSpec want, ObservedSettings.Warm have) {
        Optional<Long> read = dimension(index, READ, want.readUnitsPerSecond(), have.readUnitsPerSecond());
        Optional<Long> write = dimension(index, WRITE, want.writeUnitsPerSecond(), have.writeUnitsPerSecond());
        if (read.isPresent() || write.isPresent()) {
            List<Change> changes = new ArrayList<>();
            read.ifPresent(r -> changes.add(change(field(index) + READ, Optional.of(Long.toString(
                    have.readUnitsPerSecond())), Long.toString(r), "update")));
            write.ifPresent(w -> changes.add(change(field(index) + WRITE, Optional.of(Long.toString(
                    have.writeUnitsPerSecond())), Long.toString(w), "update")));
            group(changes, new SettingStep.SetWarmThroughput(index.isEmpty() ? Optional.empty() : Optional.of(index),
                    read, write));
            note(BILLED);
        }
    }

    /** The value to raise this dimension to; empty when it is right, not given, or lower (then blocked). */
    private Optional<Long> dimension(String index, String suffix, Optional<Long> want, long have) {
        if (want.isEmpty()) {
            return Optional.empty();
        }
        String field = field(index) + suffix;
        applied(field, Long.toString(want.get()));
        if (want.get() == have) {
            return Optional.empty();
        }
        if (want.get() > have) {
            return want;
        }
        String what = (index.isEmpty() ? "the table" : "index " + index) + "'s warm throughput";
        String unit = suffix.equals(READ) ? "read" : "write";
        blocked(new Change(field, Long.toString(have), Long.toString(want.get()), Change.BLOCKED,
                cause(field, Long.toString(want.get()))), what + " can only be increased: it is " + have + " " + unit
                + " units per second and the manifest asks for " + want.get() + "; DynamoDB never lowers it ("
                + RateRules.WARM_THROUGHPUT_INCREASE_ONLY.source() + "). Set it to at least " + have
                + " or delete the line; nothing was changed");
        return Optional.empty();
    }

    private void unreadable(String index, WarmThroughputSpec want) {
        note("warm throughput of " + (index.isEmpty() ? "the table" : "index " + index) + " could not be read "
                + "(DescribeTable has no WarmThroughput); it was not compared");
        for (String suffix : List.of(READ, WRITE)) {
            keepPreviouslyApplied(field(index) + suffix);
        }
    }

    /** The manifest's warm throughput: "" for the table, then each index that has one. */
    static Map<String, WarmThroughputSpec> desired(TableManifest manifest) {
        Map<String, WarmThroughputSpec> desired = new TreeMap<>();
        manifest.options().warmThroughput().ifPresent(w -> desired.put(ObservedSettings.TABLE, w));
        for (GlobalSecondaryIndex index : manifest.options().globalSecondaryIndexes().orElse(List.of())) {
            index.warmThroughput().ifPresent(w -> desired.put(index.indexName(), w));
        }
        return desired;
    }
}
