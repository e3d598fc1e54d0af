package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on tables, which DynamoDB Local does not offer.
 * Revision ids are strings of digits (epoch milliseconds, increasing per table), compared as strings.
 * {@code ExpectedRevisionId} as AWS checks it, with AWS's words (API reference,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html, checked 2026-12-01;
 * messages as moto's AWS-verified tests record them, tests/test_dynamodb/test_dynamodb_resource_policy.py):
 * {@code NO_POLICY} while a policy exists, or another revision than the live one, is PolicyNotFoundException.
 * A stream's own policy is not emulated: only table ARNs are accepted.
 */
final class ResourcePolicyOperations {
    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    private static final String NO_POLICY = "NO_POLICY";
    /** "The maximum size supported for a resource-based policy document is 20 KB" (whitespace counted). */
    private static final int MAX_BYTES = 20 * 1024;

    /** One table's policy and its revision. */
    record StoredPolicy(String policy, String revisionId) {
    }

    private final FrontState state;
    private final Engine engine;
    private final Clock clock;

    ResourcePolicyOperations(FrontState state, Engine engine, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.clock = clock;
    }

    WireResponse put(String region, ObjectNode request) {
        String arn = Json.requiredText(request, "ResourceArn");
        String policy = Json.requiredText(request, "Policy");
        TableKey table = existingTable(arn, region);
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw AwsException.validation("Resource-based policy size exceeds the maximum allowed size of 20 KB");
        }
        try {
            if (!Json.MAPPER.readTree(policy).isObject()) {
                throw AwsException.validation("Invalid policy document: the policy must be a JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AwsException.validation("Invalid policy document: the policy is not valid JSON");
        }
        Optional<String> expected = Json.text(request, "ExpectedRevisionId");
        synchronized (state) {
            Optional<StoredPolicy> current = state.resourcePolicy(table);
            if (current.isPresent()) {
                if (expected.filter(NO_POLICY::equals).isPresent()) {
                    throw notFound("Requested policy update expecting none to be present for table " + table.table()
                            + ", but a policy exists with revision id " + current.get().revisionId() + ".");
                }
                if (expected.isPresent() && !expected.get().equals(current.get().revisionId())) {
                    throw mismatch(expected.get(), table, current.get());
                }
                if (current.get().policy().equals(policy)) {
                    return revision(current.get().revisionId());
                }
            } else if (expected.isPresent() && !NO_POLICY.equals(expected.get())) {
                throw notFound(arn);
            }
            String revision = nextRevision(current);
            state.setResourcePolicy(table, Optional.of(new StoredPolicy(policy, revision)));
            return revision(revision);
        }
    }

    WireResponse get(String region, ObjectNode request) {
        String arn = Json.requiredText(request, "ResourceArn");
        TableKey table = existingTable(arn, region);
        StoredPolicy policy = state.resourcePolicy(table).orElseThrow(() -> notFound(arn));
        return WireResponse.ok(Json.object().put("Policy", policy.policy()).put("RevisionId", policy.revisionId()));
    }

    WireResponse delete(String region, ObjectNode request) {
        String arn = Json.requiredText(request, "ResourceArn");
        TableKey table = existingTable(arn, region);
        Optional<String> expected = Json.text(request, "ExpectedRevisionId");
        synchronized (state) {
            StoredPolicy current = state.resourcePolicy(table).orElseThrow(() -> notFound(arn));
            if (expected.isPresent() && !expected.get().equals(current.revisionId())) {
                throw mismatch(expected.get(), table, current);
            }
            state.setResourcePolicy(table, Optional.empty());
            return revision(current.revisionId());
        }
    }

    private TableKey existingTable(String arn, String region) {
        TableKey table = TableArns.parse(arn, region).orElseThrow(() -> AwsException.validation(
                "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + arn));
        if (engine.describeTable(table.region(), table.table()).isEmpty()) {
            throw AwsException.resourceNotFound("Requested resource not found: Table: " + table.table()
                    + " not found");
        }
        return table;
    }

    private String nextRevision(Optional<StoredPolicy> current) {
        long now = clock.millis();
        long last = current.map(p -> Long.parseLong(p.revisionId())).orElse(0L);
        return Long.toString(Math.max(now, last + 1));
    }

    private static WireResponse revision(String revisionId) {
        return WireResponse.ok(Json.object().put("RevisionId", revisionId));
    }

    private static AwsException mismatch(String expected, TableKey table, StoredPolicy current) {
        return notFound("Requested update for policy with revision id " + expected
                + ", but the policy associated to target table " + table.table() + " has revision id "
                + current.revisionId() + ".");
    }

    private static AwsException notFound(String detail) {
        return new AwsException(DYNAMODB + "PolicyNotFoundException",
                "Resource-based policy not found for the provided ResourceArn: " + detail);
    }
}
