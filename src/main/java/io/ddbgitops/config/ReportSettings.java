package io.ddbgitops.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How the report ages: after {@code staleAfter} without a run it is stale (empty: the config does not say). */
public record ReportSettings(Optional<Duration> staleAfter) {
    public ReportSettings {
        Objects.requireNonNull(staleAfter, "staleAfter");
    }

    public static ReportSettings defaults() {
        return new ReportSettings(Optional.empty());
    }
}
