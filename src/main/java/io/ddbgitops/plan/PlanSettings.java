package io.ddbgitops.plan;

/**
 * Run-wide settings the planner needs: the account's quota of throughput decreases per table per UTC day (AWS's
 * default unless the operator had it raised), and whether this run waits for long work (then a table that is busy
 * at read time is planned as usual, because the applier waits for it).
 */
public record PlanSettings(int throughputDecreasesPerDay, boolean waitForLongWork) {
    public PlanSettings {
        if (throughputDecreasesPerDay < 1) {
            throw new IllegalArgumentException("throughput decreases per day must be at least 1, not "
                    + throughputDecreasesPerDay);
        }
    }

    /** AWS's default quota, and not waiting for long work. */
    public static PlanSettings defaults() {
        return new PlanSettings(RateRules.DEFAULT_DECREASES_PER_DAY, false);
    }
}
