package io.ddbgitops.local;

/** Point-in-time recovery of one table; enabledAt is epoch seconds, meaningful only while enabled. */
record PitrSetting(boolean enabled, int recoveryPeriodInDays, double enabledAt) {
    static final int DEFAULT_PERIOD_DAYS = 35;
    static final PitrSetting DISABLED = new PitrSetting(false, DEFAULT_PERIOD_DAYS, 0);

    PitrSetting {
        if (recoveryPeriodInDays < 1 || recoveryPeriodInDays > DEFAULT_PERIOD_DAYS) {
            throw new IllegalArgumentException("RecoveryPeriodInDays must be 1-35, got " + recoveryPeriodInDays);
        }
    }
}
