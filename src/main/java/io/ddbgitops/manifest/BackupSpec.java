package io.ddbgitops.manifest;

import java.util.Optional;

/**
 * On-demand backups: a Quartz cron {@code schedule}, how many of our own to {@code retain},
 * and whether to snapshot before destructive changes (default true).
 */
public record BackupSpec(Optional<String> schedule, Optional<Integer> retain, boolean beforeDestructiveChange) {
    public static BackupSpec defaults() {
        return new BackupSpec(Optional.empty(), Optional.empty(), true);
    }
}
