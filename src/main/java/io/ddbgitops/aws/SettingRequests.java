package io.ddbgitops.aws;

import io.ddbgitops.manifest.WarmThroughputSpec;
import io.ddbgitops.plan.settings.SettingStep;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

import java.util.Optional;

/** The SDK requests of the setting families' steps (warm throughput, index caps, contributor insights). */
final class SettingRequests {
    private SettingRequests() {}

    /** Table WarmThroughput, or GlobalSecondaryIndexUpdates Update.WarmThroughput for an index, alone in its call. */
    static UpdateTableRequest warmThroughput(String table, SettingStep.SetWarmThroughput step) {
        WarmThroughput warm = warm(step.readUnitsPerSecond(), step.writeUnitsPerSecond());
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table);
        if (step.index().isEmpty()) {
            return request.warmThroughput(warm).build();
        }
        return request.globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .update(u -> u.indexName(step.index().get()).warmThroughput(warm)).build()).build();
    }

    /** GlobalSecondaryIndexUpdates Update.OnDemandThroughput; -1 removes a cap. */
    static UpdateTableRequest indexCaps(String table, SettingStep.SetIndexCaps step) {
        OnDemandThroughput caps = caps(step.maxRead(), step.maxWrite());
        return UpdateTableRequest.builder().tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName(step.index().orElseThrow()).onDemandThroughput(caps)).build())
                .build();
    }

    static UpdateContributorInsightsRequest insights(String table, SettingStep.SetContributorInsights step) {
        UpdateContributorInsightsRequest.Builder request = UpdateContributorInsightsRequest.builder()
                .tableName(table).contributorInsightsAction(step.enabled() ? "ENABLE" : "DISABLE");
        step.index().ifPresent(request::indexName);
        step.mode().ifPresent(m -> request.contributorInsightsMode(m.name()));
        return request.build();
    }

    static WarmThroughput warm(WarmThroughputSpec spec) {
        return warm(spec.readUnitsPerSecond(), spec.writeUnitsPerSecond());
    }

    static WarmThroughput warm(Optional<Long> read, Optional<Long> write) {
        WarmThroughput.Builder warm = WarmThroughput.builder();
        read.ifPresent(warm::readUnitsPerSecond);
        write.ifPresent(warm::writeUnitsPerSecond);
        return warm.build();
    }

    static OnDemandThroughput caps(Optional<Long> maxRead, Optional<Long> maxWrite) {
        OnDemandThroughput.Builder caps = OnDemandThroughput.builder();
        maxRead.ifPresent(caps::maxReadRequestUnits);
        maxWrite.ifPresent(caps::maxWriteRequestUnits);
        return caps.build();
    }
}
