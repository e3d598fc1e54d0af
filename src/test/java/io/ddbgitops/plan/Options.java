package io.ddbgitops.plan;

import io.ddbgitops.manifest.AutoScalingSpec;
import io.ddbgitops.manifest.BackupSpec;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KinesisDestinationSpec;
import io.ddbgitops.manifest.LocalSecondaryIndex;
import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.StreamViewType;
import io.ddbgitops.manifest.StrongConsistency;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mutable copy of {@link TableOptions} for tests: change a field or two, then build. */
final class Options {
    BillingMode billingMode;
    Optional<Long> maxRead;
    Optional<Long> maxWrite;
    Optional<Integer> pitrDays;
    BackupSpec backup;
    Optional<StreamViewType> stream;
    Optional<String> ttl;
    Optional<Boolean> deletionProtection;
    Optional<TableClass> tableClass;
    Optional<SseSpec> sse;
    Optional<Boolean> contributorInsights;
    Map<String, String> tags;
    Optional<List<GlobalSecondaryIndex>> gsis;
    Optional<List<LocalSecondaryIndex>> lsis;
    Optional<List<ReplicaSpec>> replicas;
    Optional<RestoreSpec> restore;
    boolean adopt;
    Optional<AutoScalingSpec> autoScaling;
    Optional<String> account;
    Optional<io.ddbgitops.manifest.WarmThroughputSpec> warmThroughput;
    Optional<io.ddbgitops.manifest.ContributorInsightsSpec.Mode> insightsMode;
    Optional<String> resourcePolicy;
    Optional<KinesisDestinationSpec> kinesis;
    Optional<StrongConsistency> strong;
    Optional<io.ddbgitops.manifest.ImportSpec> s3Import;

    Options(TableOptions o) {
        billingMode = o.billingMode();
        maxRead = o.maxReadRequestUnits();
        maxWrite = o.maxWriteRequestUnits();
        pitrDays = o.pitrRecoveryPeriodDays();
        backup = o.backup();
        stream = o.streamViewType();
        ttl = o.ttlAttributeName();
        deletionProtection = o.deletionProtection();
        tableClass = o.tableClass();
        sse = o.sse();
        contributorInsights = o.contributorInsights();
        tags = o.tags();
        gsis = o.globalSecondaryIndexes();
        lsis = o.localSecondaryIndexes();
        replicas = o.replicaSpecs();
        restore = o.restore();
        adopt = o.adopt();
        autoScaling = o.autoScaling();
        account = o.account();
        warmThroughput = o.warmThroughput();
        insightsMode = o.contributorInsightsMode();
        resourcePolicy = o.resourcePolicy();
        kinesis = o.kinesisDestination();
        strong = o.strongConsistency();
        s3Import = o.s3Import();
    }

    Options warmThroughput(long read, long write) {
        warmThroughput = Optional.of(new io.ddbgitops.manifest.WarmThroughputSpec(Optional.of(read), Optional.of(write)));
        return this;
    }

    Options contributorInsights(io.ddbgitops.manifest.ContributorInsightsSpec.Mode mode) {
        contributorInsights = Optional.of(true);
        insightsMode = Optional.of(mode);
        return this;
    }

    Options noContributorInsights() {
        contributorInsights = Optional.empty();
        insightsMode = Optional.empty();
        return this;
    }

    Options billing(BillingMode value) { billingMode = value; return this; }
    Options stream(StreamViewType value) { stream = Optional.ofNullable(value); return this; }
    Options ttl(String value) { ttl = Optional.ofNullable(value); return this; }
    Options tags(Map<String, String> value) { tags = value; return this; }
    Options gsis(GlobalSecondaryIndex... value) { gsis = Optional.of(List.of(value)); return this; }
    Options lsis(LocalSecondaryIndex... value) { lsis = Optional.of(List.of(value)); return this; }
    Options deletionProtection(boolean value) { deletionProtection = Optional.of(value); return this; }
    Options tableClass(TableClass value) { tableClass = Optional.of(value); return this; }
    Options sse(SseSpec value) { sse = Optional.of(value); return this; }
    Options contributorInsights(boolean value) { contributorInsights = Optional.of(value); return this; }
    Options replicas(String... value) {
        replicas = Optional.of(java.util.Arrays.stream(value).map(ReplicaSpec::of).toList());
        return this;
    }
    Options replicas(ReplicaSpec... value) { replicas = Optional.of(List.of(value)); return this; }
    Options backupBeforeDestructiveChange(boolean value) {
        backup = new BackupSpec(backup.schedule(), backup.retain(), value);
        return this;
    }
    Options adopt(boolean value) { adopt = value; return this; }
    Options restore(RestoreSpec value) { restore = Optional.of(value); return this; }
    Options s3Import(io.ddbgitops.manifest.ImportSpec value) { s3Import = Optional.of(value); return this; }
    Options autoScaling(AutoScalingSpec value) { autoScaling = Optional.of(value); return this; }
    Options resourcePolicy(String value) { resourcePolicy = Optional.of(value); return this; }
    Options kinesis(KinesisDestinationSpec value) { kinesis = Optional.of(value); return this; }
    Options strong(Optional<String> witness) { strong = Optional.of(new StrongConsistency(witness)); return this; }

    TableOptions build() {
        return new TableOptions(billingMode, maxRead, maxWrite, pitrDays, backup, stream, ttl, deletionProtection,
                tableClass, sse, contributorInsights, tags, gsis, lsis, replicas, restore, adopt, autoScaling,
                account, warmThroughput, insightsMode, resourcePolicy, kinesis, strong, s3Import);
    }
}
