package io.ddbgitops.local;

/** Point-in-time recovery of one table; enabledAt is epoch seconds, meaningful only while enabled. */
record PitrSetting(boolean enabled, int recoveryPeriodInDays, double enabledAt) {
    static final int DEFAULT_PERIOD_DAYS = 35;
    static final PitrSetting DISABLED = new PitrSetting(false, DEFAULT_PERIOD_DAYS, 0);

    private static final long DAY_MILLIS = 86_400_000L;

    PitrSetting {
        if (recoveryPeriodInDays < 1 || recoveryPeriodInDays > DEFAULT_PERIOD_DAYS) {
            throw new IllegalArgumentException("RecoveryPeriodInDays must be 1-35, got " + recoveryPeriodInDays);
        }
    }

    /** The first restorable instant: PITR's start, or the start of the recovery period once that is later. */
    long earliestRestorableMillis(long nowMillis) {
        return Math.max(Math.round(enabledAt * 1000), nowMillis - recoveryPeriodInDays * DAY_MILLIS);
    }
}
