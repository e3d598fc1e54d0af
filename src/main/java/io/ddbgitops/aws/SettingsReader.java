package io.ddbgitops.aws;

import io.ddbgitops.manifest.ContributorInsightsSpec;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.settings.ObservedSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the setting families compare: WarmThroughput and index OnDemandThroughput from DescribeTable, and
 * DescribeContributorInsights for the table and each global index, and KMS aliases ({@link KmsAliases}) when the
 * table is encrypted with a KMS key.
 */
final class SettingsReader {
    private SettingsReader() {}

    /**
     * {@code readInsights}: contributor insights are compared only when the manifest or the previous apply sets them
     * ({@link ReadNeeds}); otherwise their Describe calls are skipped and nothing about them is compared.
     */
    static ObservedSettings read(DynamoDbClient client, TableId id, TableDescription table, KmsAliases kms,
                                 boolean readInsights) {
        Map<String, ObservedSettings.Warm> warm = new HashMap<>();
        if (table.warmThroughput() != null && table.warmThroughput().readUnitsPerSecond() != null) {
            warm.put(ObservedSettings.TABLE, new ObservedSettings.Warm(table.warmThroughput().readUnitsPerSecond(),
                    orZero(table.warmThroughput().writeUnitsPerSecond()), table.warmThroughput().statusAsString()));
        }
        Map<String, ObservedSettings.Caps> caps = new HashMap<>();
        for (GlobalSecondaryIndexDescription g : table.globalSecondaryIndexes()) {
            if (g.warmThroughput() != null && g.warmThroughput().readUnitsPerSecond() != null) {
                warm.put(g.indexName(), new ObservedSettings.Warm(g.warmThroughput().readUnitsPerSecond(),
                        orZero(g.warmThroughput().writeUnitsPerSecond()), g.warmThroughput().statusAsString()));
            }
            OnDemandThroughput onDemand = g.onDemandThroughput();
            if (onDemand != null) {
                caps.put(g.indexName(), new ObservedSettings.Caps(positive(onDemand.maxReadRequestUnits()),
                        positive(onDemand.maxWriteRequestUnits())));
            }
        }
        Optional<Map<String, ObservedSettings.Insights>> insights = !readInsights ? Optional.empty()
                : LiveStateReader.optional(() -> {
            Map<String, ObservedSettings.Insights> all = new HashMap<>();
            all.put(ObservedSettings.TABLE, insights(client.describeContributorInsights(r -> r.tableName(id.tableName()))));
            for (GlobalSecondaryIndexDescription g : table.globalSecondaryIndexes()) {
                all.put(g.indexName(), insights(client.describeContributorInsights(r -> r.tableName(id.tableName())
                        .indexName(g.indexName()))));
            }
            return all;
        });
        // only a KMS-encrypted table has a key to compare: KMS is not asked otherwise
        boolean kmsKey = table.sseDescription() != null && "KMS".equals(table.sseDescription().sseTypeAsString());
        return new ObservedSettings(warm, caps, insights, kmsKey ? kms.of(id) : Optional.empty());
    }

    private static ObservedSettings.Insights insights(DescribeContributorInsightsResponse response) {
        String status = String.valueOf(response.contributorInsightsStatusAsString());
        Optional<ContributorInsightsSpec.Mode> mode = Optional.ofNullable(response.contributorInsightsModeAsString())
                .flatMap(m -> java.util.Arrays.stream(ContributorInsightsSpec.Mode.values())
                        .filter(v -> v.name().equals(m)).findFirst());
        return new ObservedSettings.Insights(status.equals("ENABLED") || status.equals("ENABLING"), mode);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** -1 (and 0) mean no cap. */
    private static Optional<Long> positive(Long value) {
        return Optional.ofNullable(value).filter(v -> v > 0);
    }
}
