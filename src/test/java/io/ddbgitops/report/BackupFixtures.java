package io.ddbgitops.report;

import java.util.List;
import java.util.Optional;

/** A backup section as a nightly schedule with retention leaves it, for the report tests. */
final class BackupFixtures {
    private BackupFixtures() {}

    static BackupEntry nightly() {
        return new BackupEntry("enabled", Optional.of("2026-10-17T12:00:00Z"), Optional.of("2026-11-21T11:55:00Z"),
                Optional.of("Carts-ddbgitops-20261121T030000Z"), Optional.of("2026-11-21T03:00:04Z"),
                Optional.of("8h 59m"), 7, Optional.of("2026-11-22T03:00:00Z"),
                Optional.of("Carts-ddbgitops-20261121T030000Z"), List.of("Carts-ddbgitops-20261114T030000Z"), List.of());
    }
}
