package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.TableManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global-index diff, keyed by index name: which indexes to delete (gone from the manifest, or recreated
 * because their keys or projection changed), whose throughput to change, and which to create. A pure function
 * of the wanted and live field maps.
 */
record IndexChanges(List<Removal> removals, List<ThroughputChange> throughputChanges, List<Creation> creations,
                    List<Action.IndexThroughput> keptThroughput) {

    record Removal(String name, String field, boolean recreate) {}

    record ThroughputChange(Action.IndexThroughput throughput, List<String> fields, boolean decrease,
                            ThroughputHistory history) {}

    record Creation(io.ddbgitops.manifest.GlobalSecondaryIndex index, Optional<Action.IndexThroughput> throughput,
                    String field, boolean recreate) {}

    static IndexChanges of(TableManifest manifest, ObservedTable live, Map<String, String> wanted,
                           Map<String, String> actual) {
        List<Removal> removals = new ArrayList<>();
        List<ThroughputChange> updates = new ArrayList<>();
        List<Creation> creations = new ArrayList<>();
        List<Action.IndexThroughput> kept = new ArrayList<>();
        boolean provisioned = manifest.options().billingMode() == BillingMode.PROVISIONED;
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            String field = entry.getKey();
            if (!field.startsWith(Fields.GSI) || !Fields.isIndexDefinition(field)) {
                continue;
            }
            String name = field.substring(Fields.GSI.length());
            String want = entry.getValue();
            String have = actual.getOrDefault(field, Fields.ABSENT);
            Optional<Action.IndexThroughput> throughput = provisioned ? throughput(name, wanted) : Optional.empty();
            if (want.equals(have)) {
                throughput.ifPresent(kept::add);
                throughput.flatMap(t -> throughputChange(t, field, wanted, actual, live)).ifPresent(updates::add);
            } else if (want.equals(Fields.ABSENT)) {
                removals.add(new Removal(name, field, false));
            } else if (have.equals(Fields.ABSENT)) {
                creations.add(new Creation(TablePlanner.gsi(manifest, name).orElseThrow(), throughput, field, false));
            } else {
                removals.add(new Removal(name, field, true));
                creations.add(new Creation(TablePlanner.gsi(manifest, name).orElseThrow(), throughput, field, true));
            }
        }
        return new IndexChanges(removals, updates, creations, kept);
    }

    private static Optional<Action.IndexThroughput> throughput(String name, Map<String, String> wanted) {
        String read = wanted.get(Fields.GSI + name + Fields.READ_SUFFIX);
        String write = wanted.get(Fields.GSI + name + Fields.WRITE_SUFFIX);
        if (read == null || write == null) {
            return Optional.empty();
        }
        return Optional.of(new Action.IndexThroughput(name, Long.parseLong(read), Long.parseLong(write)));
    }

    private static Optional<ThroughputChange> throughputChange(Action.IndexThroughput want, String field,
                                                               Map<String, String> wanted, Map<String, String> actual,
                                                               ObservedTable live) {
        List<String> fields = new ArrayList<>();
        for (String suffix : List.of(Fields.READ_SUFFIX, Fields.WRITE_SUFFIX)) {
            String capacity = field + suffix;
            if (!wanted.get(capacity).equals(actual.getOrDefault(capacity, Fields.ABSENT))) {
                fields.add(capacity);
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String name = want.indexName();
        Optional<ObservedIndex> index = live.globalIndexes().stream().filter(i -> i.name().equals(name)).findFirst();
        boolean decrease = index.map(i -> want.readCapacity() < i.readCapacity() || want.writeCapacity() < i.writeCapacity())
                .orElse(false);
        ThroughputHistory history = index.map(ObservedIndex::history).orElse(ThroughputHistory.none());
        return Optional.of(new ThroughputChange(want, fields, decrease, history));
    }
}
