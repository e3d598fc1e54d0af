package io.ddbgitops.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/**
 * A table's backups in the report: point-in-time recovery ({@code enabled}/{@code disabled}/{@code unknown}) and
 * its restorable window, the newest backup and its age, how many scheduled backups of ours are held, when the
 * next is due, and what this run took, deleted (in a plan: would) or failed to do. Times are ISO-8601 UTC.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record BackupEntry(
        String pitr,
        Optional<String> restorableFrom,
        Optional<String> restorableTo,
        Optional<String> newestBackup,
        Optional<String> newestBackupCreated,
        Optional<String> newestBackupAge,
        int held,
        Optional<String> nextDue,
        Optional<String> taken,
        List<String> deleted,
        List<String> failures) {

    public BackupEntry {
        restorableFrom = orEmpty(restorableFrom);
        restorableTo = orEmpty(restorableTo);
        newestBackup = orEmpty(newestBackup);
        newestBackupCreated = orEmpty(newestBackupCreated);
        newestBackupAge = orEmpty(newestBackupAge);
        nextDue = orEmpty(nextDue);
        taken = orEmpty(taken);
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** Without what changes just because time passes (window, age) and without this run's events. */
    public BackupEntry settled() {
        return new BackupEntry(pitr, Optional.empty(), Optional.empty(), newestBackup, newestBackupCreated,
                Optional.empty(), held, nextDue, Optional.empty(), List.of(), failures);
    }

    /** True when this run took or deleted a backup (in a plan: would). */
    @JsonIgnore
    public boolean hasEvents() {
        return taken.isPresent() || !deleted.isEmpty();
    }

    // Jackson passes null for a field an older report does not have.
    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
