package io.ddbgitops.plan.settings;

import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.ObservedTable;
import io.ddbgitops.plan.replicas.ReplicaSettingsFamily;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The setting families in the order the planner runs them: UpdateTable ones first (each replica's own settings,
 * after the replicas themselves), then contributor insights.
 */
public final class SettingFamilies {
    private SettingFamilies() {}

    public static List<SettingFamily> forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        return List.of(ReplicaSettingsFamily.forNewTable(manifest, previouslyApplied),
                WarmThroughputFamily.forNewTable(manifest, previouslyApplied),
                IndexCapsFamily.forNewTable(manifest, previouslyApplied),
                ContributorInsightsFamily.forNewTable(manifest, previouslyApplied));
    }

    public static List<SettingFamily> forTable(TableManifest manifest, ObservedTable live,
                                               Map<String, String> previouslyApplied) {
        return List.of(ReplicaSettingsFamily.forTable(manifest, live, previouslyApplied),
                WarmThroughputFamily.forTable(manifest, live, previouslyApplied),
                IndexCapsFamily.forTable(manifest, live, previouslyApplied),
                ContributorInsightsFamily.forTable(manifest, live, previouslyApplied));
    }

    /** The manifest's KMS key as the ARN to compare, when its encryption is KMS. */
    public static Optional<KmsKeyComparison.Wanted> kmsKey(TableManifest manifest, ObservedTable live) {
        return manifest.options().sse().map(sse -> KmsKeyComparison.of(sse, live));
    }
}
