package io.ddbgitops.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * One field that differs: its live value ({@code from}), the value it should have ({@code to}), what we do
 * about it ({@code action}: create, update, delete, recreate, blocked, in_progress, pending) and why it differs
 * ({@code cause}: git when the manifest moved since the last applied report, drift when the live table moved away
 * from what we applied). A blocked change says when it becomes possible when that can be known; a change in
 * progress says since when.
 */
public record Change(String field, String from, String to, String action, Cause cause, Optional<Instant> possibleAt,
                     Optional<Instant> since) {
    public static final String BLOCKED = "blocked";
    public static final String IN_PROGRESS = "in_progress";
    /** Waits for long work on the same table to finish; the next run continues with it. */
    public static final String PENDING = "pending";

    public Change(String field, String from, String to, String action, Cause cause) {
        this(field, from, to, action, cause, Optional.empty(), Optional.empty());
    }

    public enum Cause {
        GIT, DRIFT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
