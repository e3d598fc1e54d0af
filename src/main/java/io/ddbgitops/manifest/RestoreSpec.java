package io.ddbgitops.manifest;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a new table's data comes from: a backup (name or ARN), or another table's point-in-time
 * recovery at an instant ({@code latest} when {@code pointInTime} is empty).
 */
public sealed interface RestoreSpec {
    record FromBackup(String backup) implements RestoreSpec {}

    record FromPointInTime(String sourceTable, Optional<Instant> pointInTime) implements RestoreSpec {}
}
