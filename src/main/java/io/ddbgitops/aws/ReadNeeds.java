package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Fields;

import java.util.Map;

/**
 * Which of a table's optional reads its plan and report use. The planner compares TTL and contributor insights only
 * when the manifest sets them, or when a previous run applied them and the manifest no longer does (then it turns them
 * off again); otherwise nothing in the plan or the report shows them, so their Describe call is skipped. Every other
 * read is always made: see README "Reads".
 */
public record ReadNeeds(boolean timeToLive, boolean contributorInsights) {
    public static ReadNeeds of(TableManifest manifest, Map<String, String> previouslyApplied) {
        return new ReadNeeds(
                manifest.options().ttlAttributeName().isPresent() || previouslyApplied.containsKey(Fields.TTL),
                manifest.options().contributorInsights().isPresent()
                        || previouslyApplied.containsKey(Fields.CONTRIBUTOR_INSIGHTS));
    }
}
