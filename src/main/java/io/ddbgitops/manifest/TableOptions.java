package io.ddbgitops.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code spec.optional_spec} extensions beyond the sort key. An empty Optional means the manifest
 * does not mention the setting, so the live value is left as it is. {@code resourcePolicy} is the policy's JSON
 * text, read from its file when the manifest names one.
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
        Optional<String> resourcePolicy,
        Optional<KinesisDestinationSpec> kinesisDestination) {

    public TableOptions {
        tags = Map.copyOf(tags);
        globalSecondaryIndexes = globalSecondaryIndexes.map(List::copyOf);
        localSecondaryIndexes = localSecondaryIndexes.map(List::copyOf);
        replicas = replicas.map(List::copyOf);
    }

    /** What a seed manifest (no extensions) means. */
    public static TableOptions defaults() {
        return new TableOptions(BillingMode.PROVISIONED, Optional.empty(), Optional.empty(), Optional.empty(),
                BackupSpec.defaults(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
