package io.ddbgitops.plan;

import java.util.Locale;

/**
 * A table's state in one run. In a plan these say what applying would do; in an apply, what was done.
 * The JSON report uses {@link #label()}.
 */
public enum TableStatus {
    IN_SYNC, CHANGED, DRIFTED, CREATED, FAILED, BLOCKED, UNMANAGED, IN_PROGRESS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
