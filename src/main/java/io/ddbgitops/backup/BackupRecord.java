package io.ddbgitops.backup;

import java.time.Instant;
import java.util.Objects;

/**
 * One on-demand backup as ListBackups reports it, in our own terms (never SDK types). {@code status} is AWS's
 * BackupStatus: CREATING, AVAILABLE or DELETED.
 */
public record BackupRecord(String arn, String name, String tableName, String status, Instant createdAt) {
    public static final String CREATING = "CREATING";
    public static final String AVAILABLE = "AVAILABLE";

    public BackupRecord {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean available() {
        return AVAILABLE.equals(status);
    }

    public boolean creating() {
        return CREATING.equals(status);
    }
}
