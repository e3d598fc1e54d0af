package io.ddbgitops.reconcile;

import io.ddbgitops.backup.BackupPolicy;
import io.ddbgitops.backup.BackupRecord;
import io.ddbgitops.backup.BackupRun;
import io.ddbgitops.backup.PitrWindow;
import io.ddbgitops.report.BackupEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/** Turns a table's {@link BackupRun} into the report's backup section, ages measured from the run's clock. */
final class BackupReporting {
    private BackupReporting() {}

    static BackupEntry entry(String table, BackupRun run, Instant now) {
        Optional<BackupRecord> newest = run.backups().stream()
                .filter(BackupRecord::available)
                .max(Comparator.comparing(BackupRecord::createdAt).thenComparing(BackupRecord::arn));
        int held = (int) BackupPolicy.ours(table, run.backups()).stream().filter(BackupRecord::available).count();
        return new BackupEntry(
                run.pitr().map(p -> p.enabled() ? "enabled" : "disabled").orElse("unknown"),
                run.pitr().flatMap(PitrWindow::earliest).map(BackupReporting::iso),
                run.pitr().flatMap(PitrWindow::latest).map(BackupReporting::iso),
                newest.map(BackupRecord::name),
                newest.map(b -> iso(b.createdAt())),
                newest.map(b -> age(Duration.between(b.createdAt(), now))),
                held,
                run.nextDue().map(BackupReporting::iso),
                run.taken(),
                run.deleted(),
                run.failures());
    }

    static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Coarse and human: "2d 3h", "3h 12m", "4m"; a backup stamped after the run's clock is "0m" old. */
    static String age(Duration age) {
        if (age.isNegative()) {
            return "0m";
        }
        if (age.toDays() > 0) {
            return age.toDays() + "d " + age.toHoursPart() + "h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h " + age.toMinutesPart() + "m";
        }
        return age.toMinutes() + "m";
    }
}
