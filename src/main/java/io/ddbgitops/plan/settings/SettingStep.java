package io.ddbgitops.plan.settings;

import io.ddbgitops.manifest.ContributorInsightsSpec;
import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.plan.replicas.ReplicaSettingsText;

import java.util.Optional;

/**
 * One call a setting family makes on a table or one of its global indexes (index empty: the table). The family
 * decides which calls and in what order; the applier only knows how to make each.
 */
public sealed interface SettingStep {

    Optional<String> index();

    String describe();

    /** An UpdateTable (or a call on an index that must exist): the table and its indexes must be ACTIVE. */
    boolean needsActiveTable();

    default String target() {
        return index().map(i -> " of index " + i).orElse("");
    }

    /** UpdateTable WarmThroughput (table) or GlobalSecondaryIndexUpdates Update.WarmThroughput (index). */
    record SetWarmThroughput(Optional<String> index, Optional<Long> readUnitsPerSecond,
                             Optional<Long> writeUnitsPerSecond) implements SettingStep {
        @Override
        public String describe() {
            return "raise warm throughput" + target() + " to" + readUnitsPerSecond.map(r -> " " + r + " read").orElse("")
                    + writeUnitsPerSecond.map(w -> " " + w + " write").orElse("") + " units per second";
        }

        @Override
        public boolean needsActiveTable() {
            return true;
        }
    }

    /** GlobalSecondaryIndexUpdates Update.OnDemandThroughput; {@link IndexCapsFamily#UNCAPPED} removes a cap. */
    record SetIndexCaps(Optional<String> index, Optional<Long> maxRead, Optional<Long> maxWrite)
            implements SettingStep {
        @Override
        public String describe() {
            return "set on-demand caps" + target() + " to" + maxRead.map(r -> " max " + cap(r) + " read").orElse("")
                    + maxWrite.map(w -> " max " + cap(w) + " write").orElse("");
        }

        private static String cap(long value) {
            return value == IndexCapsFamily.UNCAPPED ? "unlimited" : Long.toString(value);
        }

        @Override
        public boolean needsActiveTable() {
            return true;
        }
    }

    /** UpdateContributorInsights, with the mode when the manifest gives one. */
    record SetContributorInsights(Optional<String> index, boolean enabled,
                                  Optional<ContributorInsightsSpec.Mode> mode) implements SettingStep {
        @Override
        public String describe() {
            return (enabled ? "enable" : "disable") + " contributor insights" + target()
                    + mode.filter(m -> enabled).map(m -> " (" + m + ")").orElse("");
        }

        /** An index's insights need the index, which may still be being created. */
        @Override
        public boolean needsActiveTable() {
            return index.isPresent();
        }
    }

    /**
     * UpdateTable ReplicaUpdates with one Update: the settings of one replica that differ (the others left out, so
     * AWS leaves them as they are). See {@code plan/replicas/ReplicaSettingsFamily}.
     */
    record UpdateReplica(ReplicaSpec changes) implements SettingStep {
        @Override
        public Optional<String> index() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "update replica in " + changes.region() + ": " + ReplicaSettingsText.of(changes);
        }

        @Override
        public boolean needsActiveTable() {
            return true;
        }
    }
}
