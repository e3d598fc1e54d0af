package io.ddbgitops.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code spec.optional_spec} extensions beyond the sort key. An empty Optional means the manifest
 * does not mention the setting, so the live value is left as it is. {@code account} is an account name from the
 * repository config; empty means the default credential chain.
 */
public record TableOptions(
        BillingMode billingMode,
        Optional<Long> maxReadRequestUnits,
        Optional<Long> maxWriteRequestUnits,
        Optional<Integer> pitrRecoveryPeriodDays,
        BackupSpec backup,
        Optional<StreamViewType> streamViewType,
        Optional<String> ttlAttributeName,
        Optional<Boolean> deletionProtection,
        Optional<TableClass> tableClass,
        Optional<SseSpec> sse,
        Optional<Boolean> contributorInsights,
        Map<String, String> tags,
        Optional<List<GlobalSecondaryIndex>> globalSecondaryIndexes,
        Optional<List<LocalSecondaryIndex>> localSecondaryIndexes,
        Optional<List<String>> replicas,
        Optional<RestoreSpec> restore,
        boolean adopt,
        Optional<AutoScalingSpec> autoScaling,
        Optional<String> account) {

    public TableOptions {
        tags = Map.copyOf(tags);
        globalSecondaryIndexes = globalSecondaryIndexes.map(List::copyOf);
        localSecondaryIndexes = localSecondaryIndexes.map(List::copyOf);
        replicas = replicas.map(List::copyOf);
    }

    /** Options in the default credential chain's account. */
    public TableOptions(BillingMode billingMode, Optional<Long> maxReadRequestUnits, Optional<Long> maxWriteRequestUnits,
                        Optional<Integer> pitrRecoveryPeriodDays, BackupSpec backup,
                        Optional<StreamViewType> streamViewType, Optional<String> ttlAttributeName,
                        Optional<Boolean> deletionProtection, Optional<TableClass> tableClass, Optional<SseSpec> sse,
                        Optional<Boolean> contributorInsights, Map<String, String> tags,
                        Optional<List<GlobalSecondaryIndex>> globalSecondaryIndexes,
                        Optional<List<LocalSecondaryIndex>> localSecondaryIndexes, Optional<List<String>> replicas,
                        Optional<RestoreSpec> restore, boolean adopt, Optional<AutoScalingSpec> autoScaling) {
        this(billingMode, maxReadRequestUnits, maxWriteRequestUnits, pitrRecoveryPeriodDays, backup, streamViewType,
                ttlAttributeName, deletionProtection, tableClass, sse, contributorInsights, tags,
                globalSecondaryIndexes, localSecondaryIndexes, replicas, restore, adopt, autoScaling,
                Optional.empty());
    }

    /** The same options in another account ({@code optional_spec.account}). */
    public TableOptions inAccount(String name) {
        return new TableOptions(billingMode, maxReadRequestUnits, maxWriteRequestUnits, pitrRecoveryPeriodDays, backup,
                streamViewType, ttlAttributeName, deletionProtection, tableClass, sse, contributorInsights, tags,
                globalSecondaryIndexes, localSecondaryIndexes, replicas, restore, adopt, autoScaling,
                Optional.of(name));
    }

    /** What a seed manifest (no extensions) means. */
    public static TableOptions defaults() {
        return new TableOptions(BillingMode.PROVISIONED, Optional.empty(), Optional.empty(), Optional.empty(),
                BackupSpec.defaults(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty());
    }
}
