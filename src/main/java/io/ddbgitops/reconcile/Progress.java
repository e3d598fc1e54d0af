package io.ddbgitops.reconcile;

import java.time.Duration;

/** Told after each table of a run, so that a long apply shows how far it is (the CLI prints one line per table). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (index, total, table, status, took) -> { };

    /** Table {@code index} of {@code total} ({@code region/name}) ended with {@code status} after {@code took}. */
    void table(int index, int total, String table, String status, Duration took);
}
