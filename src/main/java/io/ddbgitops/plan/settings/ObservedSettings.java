package io.ddbgitops.plan.settings;

import io.ddbgitops.manifest.ContributorInsightsSpec;

import java.util.Map;
import java.util.Optional;

/**
 * What DescribeTable, DescribeContributorInsights and KMS say about the newer settings, in our own terms. Maps are
 * keyed by index name, {@link #TABLE} ("") for the table itself. An empty Optional: it could not be read, so the
 * family leaves the setting alone.
 */
public record ObservedSettings(Map<String, Warm> warmThroughput, Map<String, Caps> indexCaps,
                               Optional<Map<String, Insights>> contributorInsights,
                               Optional<Map<String, String>> kmsAliases) {
    public static final String TABLE = "";

    public ObservedSettings {
        warmThroughput = Map.copyOf(warmThroughput);
        indexCaps = Map.copyOf(indexCaps);
        contributorInsights = contributorInsights.map(Map::copyOf);
        kmsAliases = kmsAliases.map(Map::copyOf);
    }

    /** Nothing known: what a table read before these settings existed looks like. */
    public static ObservedSettings none() {
        return new ObservedSettings(Map.of(), Map.of(), Optional.of(Map.of()), Optional.empty());
    }

    /** WarmThroughput: read and write units per second and its status (ACTIVE, UPDATING). */
    public record Warm(long readUnitsPerSecond, long writeUnitsPerSecond, String status) {}

    /** OnDemandThroughput of an index; empty means no cap. */
    public record Caps(Optional<Long> maxRead, Optional<Long> maxWrite) {}

    /** ContributorInsightsStatus (ENABLED, ENABLING, ...) and its mode when AWS reports one. */
    public record Insights(boolean enabled, Optional<ContributorInsightsSpec.Mode> mode) {}
}
