package io.ddbgitops.aws;

import io.ddbgitops.plan.policy.LivePolicy;
import io.ddbgitops.plan.policy.PolicyStep;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;

import java.util.Set;

/**
 * A table's resource-based policy on the wire: GetResourcePolicy to read it, PutResourcePolicy and
 * DeleteResourcePolicy with {@code ExpectedRevisionId} to change it, so a policy someone else changed after our read
 * is refused (PolicyNotFoundException) instead of overwritten. API reference:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html (checked 2026-12-01).
 */
final class ResourcePolicies {
    // what an endpoint without the operation answers; AccessDenied: the caller may not read policies
    private static final Set<String> UNREADABLE = Set.of("UnknownOperationException", "UnrecognizedClientException",
            "InvalidAction", "AccessDeniedException");

    private ResourcePolicies() {
    }

    static LivePolicy read(DynamoDbClient client, String tableArn) {
        try {
            GetResourcePolicyResponse policy = client.getResourcePolicy(r -> r.resourceArn(tableArn));
            return new LivePolicy.Attached(policy.policy(), policy.revisionId());
        } catch (PolicyNotFoundException none) {
            return LivePolicy.none();
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && UNREADABLE.contains(e.awsErrorDetails().errorCode())) {
                return new LivePolicy.Unreadable(e.awsErrorDetails().errorCode());
            }
            throw e;
        }
    }

    static void apply(DynamoDbClient client, String tableArn, PolicyStep step) {
        if (step instanceof PolicyStep.Put put) {
            client.putResourcePolicy(r -> r.resourceArn(tableArn).policy(put.policy())
                    .expectedRevisionId(put.expectedRevisionId()));
        } else if (step instanceof PolicyStep.Delete delete) {
            client.deleteResourcePolicy(r -> r.resourceArn(tableArn)
                    .expectedRevisionId(delete.expectedRevisionId().orElse(null)));
        }
    }
}
