package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Fields;
import io.ddbgitops.plan.kinesis.KinesisFamily;
import io.ddbgitops.plan.policy.ResourcePolicyFamily;

import java.util.Map;

/**
 * Which of a table's optional reads its plan and report use. The planner compares TTL and contributor insights only
 * when the manifest sets them, or when a previous run applied them and the manifest no longer does (then it turns them
 * off again); otherwise nothing in the plan or the report shows them, so their Describe call is skipped. The same
 * holds for the resource policy and the Kinesis destination: read when declared, or when the last report says this
 * tool set them (so removing them from the manifest removes what it set). Every other
 * read is always made: see README "Reads".
 */
public record ReadNeeds(boolean timeToLive, boolean contributorInsights, boolean resourcePolicy, boolean kinesis) {
    public static ReadNeeds of(TableManifest manifest, Map<String, String> previouslyApplied) {
        return new ReadNeeds(
                manifest.options().ttlAttributeName().isPresent() || previouslyApplied.containsKey(Fields.TTL),
                manifest.options().contributorInsights().isPresent()
                        || manifest.options().globalSecondaryIndexes().orElse(java.util.List.of()).stream()
                                .anyMatch(index -> index.contributorInsights().isPresent())
                        || previouslyApplied.keySet().stream()
                                .anyMatch(field -> field.startsWith(Fields.CONTRIBUTOR_INSIGHTS)),
                manifest.options().resourcePolicy().isPresent()
                        || previouslyApplied.containsKey(ResourcePolicyFamily.SET_BY),
                manifest.options().kinesisDestination().isPresent()
                        || previouslyApplied.containsKey(KinesisFamily.FIELD));
    }
}
