package io.ddbgitops.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code spec.optional_spec} extensions beyond the sort key. An empty Optional means the manifest
 * does not mention the setting, so the live value is left as it is. {@code account} is an account name from the
 * repository config; empty means the default credential chain. {@code resourcePolicy}
 * is the policy's JSON text, read from its file when the manifest names one. {@code strongConsistency} is present
 * only for {@code multi_region_consistency: STRONG}. {@code s3Import} is {@code import}: the new table is made by
 * ImportTable from S3.
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
        Optional<List<ReplicaSpec>> replicaSpecs,
        Optional<RestoreSpec> restore,
        boolean adopt,
        Optional<AutoScalingSpec> autoScaling,
        Optional<String> account,
        Optional<WarmThroughputSpec> warmThroughput,
        Optional<ContributorInsightsSpec.Mode> contributorInsightsMode,
        Optional<String> resourcePolicy,
        Optional<KinesisDestinationSpec> kinesisDestination,
        Optional<StrongConsistency> strongConsistency,
        Optional<ImportSpec> s3Import) {

    public TableOptions {
        tags = Map.copyOf(tags);
        globalSecondaryIndexes = globalSecondaryIndexes.map(List::copyOf);
        localSecondaryIndexes = localSecondaryIndexes.map(List::copyOf);
        replicaSpecs = replicaSpecs.map(List::copyOf);
    }

    /** Options in the default credential chain's account, without warm throughput or a contributor insights mode. */
    public TableOptions(BillingMode billingMode, Optional<Long> maxReadRequestUnits, Optional<Long> maxWriteRequestUnits,
                        Optional<Integer> pitrRecoveryPeriodDays, BackupSpec backup,
                        Optional<StreamViewType> streamViewType, Optional<String> ttlAttributeName,
                        Optional<Boolean> deletionProtection, Optional<TableClass> tableClass, Optional<SseSpec> sse,
                        Optional<Boolean> contributorInsights, Map<String, String> tags,
                        Optional<List<GlobalSecondaryIndex>> globalSecondaryIndexes,
                        Optional<List<LocalSecondaryIndex>> localSecondaryIndexes, Optional<List<ReplicaSpec>> replicaSpecs,
                        Optional<RestoreSpec> restore, boolean adopt, Optional<AutoScalingSpec> autoScaling) {
        this(billingMode, maxReadRequestUnits, maxWriteRequestUnits, pitrRecoveryPeriodDays, backup, streamViewType,
                ttlAttributeName, deletionProtection, tableClass, sse, contributorInsights, tags,
                globalSecondaryIndexes, localSecondaryIndexes, replicaSpecs, restore, adopt, autoScaling,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The table's contributor insights as the manifest gives them ({@code true}, or {@code {enabled, mode}}). */
    public Optional<ContributorInsightsSpec> insights() {
        return contributorInsights.map(on -> new ContributorInsightsSpec(on, contributorInsightsMode));
    }

    /** The replicas' regions, in manifest order; empty when the manifest does not mention replicas. */
    public Optional<List<String>> replicas() {
        return replicaSpecs.map(specs -> specs.stream().map(ReplicaSpec::region).toList());
    }

    /** The same options in another account ({@code optional_spec.account}). */
    public TableOptions inAccount(String name) {
        return new TableOptions(billingMode, maxReadRequestUnits, maxWriteRequestUnits, pitrRecoveryPeriodDays, backup,
                streamViewType, ttlAttributeName, deletionProtection, tableClass, sse, contributorInsights, tags,
                globalSecondaryIndexes, localSecondaryIndexes, replicaSpecs, restore, adopt, autoScaling,
                Optional.of(name), warmThroughput, contributorInsightsMode, resourcePolicy, kinesisDestination,
                strongConsistency, s3Import);
    }

    /** What a seed manifest (no extensions) means. */
    public static TableOptions defaults() {
        return new TableOptions(BillingMode.PROVISIONED, Optional.empty(), Optional.empty(), Optional.empty(),
                BackupSpec.defaults(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether the manifest asks for multi-Region strong consistency. */
    public boolean strong() {
        return strongConsistency.isPresent();
    }
}
