package io.ddbgitops.backup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one run found and did about a table's backups. In a plan, {@code taken} and {@code deleted} say what
 * applying would do; in an apply, what was done. {@code backups} is the table's backups after the run;
 * {@code failures} are backups that could not be taken or deleted.
 */
public record BackupRun(
        Optional<PitrWindow> pitr,
        List<BackupRecord> backups,
        Optional<String> taken,
        List<String> deleted,
        Optional<Instant> nextDue,
        List<String> failures) {

    public BackupRun {
        backups = List.copyOf(backups);
        deleted = List.copyOf(deleted);
        failures = List.copyOf(failures);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
