package io.ddbgitops.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One report recomposed from the shards' reports ({@code drift/shards/I-of-N.json}), as if one run had checked
 * every table. Each shard reports its own tables and undeclared tables; each validates every manifest, so each
 * carries every validation error, and they are deduplicated here. Should two shard files name the same table (the
 * sharding changed under a run), the newer shard's entry wins. {@code checked_at} and {@code commit} are the oldest
 * shard's: the report is no fresher than its stalest part. Mode and policy are the newest shard's.
 */
public final class ShardReports {
    private ShardReports() {}

    public static DriftReport compose(List<DriftReport> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard report to compose");
        }
        // newest first: on a duplicate, the first (newest) entry is kept
        List<DriftReport> newestFirst = shards.stream().sorted(Comparator.comparing(ShardReports::checkedAt)
                .reversed()).toList();
        Map<String, TableEntry> tables = new LinkedHashMap<>();
        Map<String, UnmanagedEntry> unmanaged = new LinkedHashMap<>();
        LinkedHashSet<ErrorEntry> errors = new LinkedHashSet<>();
        int invalid = 0;
        int errorsTotal = 0;
        for (DriftReport shard : newestFirst) {
            shard.tables().forEach(t -> tables.putIfAbsent(t.account() + "/" + t.region() + "/" + t.table(), t));
            shard.unmanaged().forEach(u -> unmanaged.putIfAbsent(u.account() + "/" + u.region() + "/" + u.table(), u));
            errors.addAll(shard.errors());
            invalid = Math.max(invalid, shard.summary().invalid());
            errorsTotal = Math.max(errorsTotal, shard.errorsTotal());
        }
        DriftReport newest = newestFirst.get(0);
        DriftReport oldest = newestFirst.get(newestFirst.size() - 1);
        List<TableEntry> allTables = new ArrayList<>(tables.values());
        List<UnmanagedEntry> allUnmanaged = new ArrayList<>(unmanaged.values());
        return new DriftReport(newest.mode(), DriftReport.Summary.of(allTables, invalid, allUnmanaged), allTables,
                List.copyOf(errors), allUnmanaged, Math.max(errorsTotal, errors.size()), newest.policy(),
                oldest.checkedAt(), oldest.commit());
    }

    private static java.time.Instant checkedAt(DriftReport report) {
        return report.checkedInstant().orElse(java.time.Instant.EPOCH);
    }
}
