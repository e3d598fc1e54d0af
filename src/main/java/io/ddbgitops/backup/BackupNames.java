package io.ddbgitops.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Names of the backups this tool makes, so that it recognises its own and never touches anyone else's.
 * A scheduled backup is named after the fire time it belongs to ({@code Orders-ddbgitops-20261121T030000Z}):
 * the name is deterministic, so overlapping or retried runs agree on it. Safety backups taken before a
 * destructive change carry their own marker ({@code Orders-ddbgitops-safety-20261121T031522Z}) and are never
 * deleted by retention. Names keep AWS's rules: 3–255 of {@code [a-zA-Z0-9_.-]}; a long table name is cut.
 */
public final class BackupNames {
    static final String SCHEDULED = "-ddbgitops-";
    static final String SAFETY = "-ddbgitops-safety-";
    private static final int MAX_LENGTH = 255;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int STAMP_LENGTH = 16;

    private BackupNames() {}

    public static String scheduled(String table, Instant fireTime) {
        return prefix(table, SCHEDULED) + SCHEDULED + stamp(fireTime);
    }

    public static String safety(String table, Instant at) {
        return prefix(table, SAFETY) + SAFETY + stamp(at);
    }

    /** The fire time a backup of this table belongs to, when it is one of our scheduled backups. */
    public static Optional<Instant> scheduledFireTime(String table, String backupName) {
        return stampAfter(prefix(table, SCHEDULED) + SCHEDULED, backupName);
    }

    public static boolean isSafety(String table, String backupName) {
        return stampAfter(prefix(table, SAFETY) + SAFETY, backupName).isPresent();
    }

    private static Optional<Instant> stampAfter(String head, String backupName) {
        if (!backupName.startsWith(head) || backupName.length() != head.length() + STAMP_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(backupName.substring(head.length()))));
        } catch (DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }

    private static String stamp(Instant at) {
        return STAMP.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String prefix(String table, String marker) {
        int room = MAX_LENGTH - marker.length() - STAMP_LENGTH;
        return table.length() <= room ? table : table.substring(0, room);
    }
}
