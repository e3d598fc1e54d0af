package io.ddbgitops.backup;

import io.ddbgitops.manifest.BackupSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules of scheduled backups, as pure functions of the manifest's backup spec, the table's backups and the
 * clock. Only this tool's scheduled backups (recognised by {@link BackupNames}) are ever counted or deleted;
 * a backup still being created is neither counted as done nor deleted.
 */
public final class BackupPolicy {
    private static final Comparator<BackupRecord> CREATION =
            Comparator.comparing(BackupRecord::createdAt).thenComparing(BackupRecord::arn);

    private BackupPolicy() {}

    /** What a run should do now: the backup that is due (if any), and what retention deletes once it exists. */
    public static BackupDecision decide(String table, BackupSpec spec, List<BackupRecord> backups, Instant now) {
        Optional<BackupSchedule> schedule = spec.schedule().map(BackupSchedule::parse);
        Optional<ScheduledBackup> due = schedule.flatMap(s -> due(table, s, backups, now));
        List<BackupRecord> afterTaking = new ArrayList<>(backups);
        due.ifPresent(d -> afterTaking.add(new BackupRecord("(pending)", d.name(), table, BackupRecord.AVAILABLE, now)));
        List<BackupRecord> expired = spec.retain().map(keep -> expired(table, afterTaking, keep)).orElse(List.of());
        Optional<Instant> nextDue = schedule.flatMap(s -> s.nextFireAfter(now));
        return new BackupDecision(due, expired, nextDue);
    }

    /**
     * The backup due now: the schedule fired at or before now and none of ours (done or still being created)
     * belongs to that fire time or a later one.
     */
    public static Optional<ScheduledBackup> due(String table, BackupSchedule schedule, List<BackupRecord> backups,
                                                Instant now) {
        Optional<Instant> fired = schedule.latestFireAtOrBefore(now);
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        boolean taken = backups.stream()
                .map(b -> BackupNames.scheduledFireTime(table, b.name()))
                .flatMap(Optional::stream)
                .anyMatch(t -> !t.isBefore(fired.get()));
        return taken ? Optional.empty()
                : Optional.of(new ScheduledBackup(BackupNames.scheduled(table, fired.get()), fired.get()));
    }

    /** Our available scheduled backups beyond the newest {@code retain}, oldest first. */
    public static List<BackupRecord> expired(String table, List<BackupRecord> backups, int retain) {
        List<BackupRecord> done = ours(table, backups).stream().filter(BackupRecord::available).toList();
        return done.subList(0, Math.max(0, done.size() - retain));
    }

    /**
     * Two of our backups for the same fire time (two runs that overlapped): all but the oldest of each name,
     * so that every run that looks agrees on which one stays.
     */
    public static List<BackupRecord> duplicates(String table, List<BackupRecord> backups) {
        Map<String, List<BackupRecord>> byName = new TreeMap<>();
        ours(table, backups).forEach(b -> byName.computeIfAbsent(b.name(), n -> new ArrayList<>()).add(b));
        List<BackupRecord> extra = new ArrayList<>();
        for (List<BackupRecord> same : byName.values()) {
            same.sort(CREATION);
            extra.addAll(same.subList(1, same.size()));
        }
        return extra;
    }

    /** This tool's scheduled backups of the table, oldest fire time first. */
    public static List<BackupRecord> ours(String table, List<BackupRecord> backups) {
        return backups.stream()
                .filter(b -> b.tableName().equals(table))
                .filter(b -> BackupNames.scheduledFireTime(table, b.name()).isPresent())
                .sorted(Comparator.comparing((BackupRecord b) ->
                        BackupNames.scheduledFireTime(table, b.name()).orElseThrow()).thenComparing(CREATION))
                .toList();
    }

    /** The backup a schedule asks for: its deterministic name and the fire time it belongs to. */
    public record ScheduledBackup(String name, Instant fireTime) {}

    /** What to do in one run; {@code expired} counts the due backup as already taken. */
    public record BackupDecision(Optional<ScheduledBackup> due, List<BackupRecord> expired, Optional<Instant> nextDue) {
        public BackupDecision {
            expired = List.copyOf(expired);
        }
    }
}
