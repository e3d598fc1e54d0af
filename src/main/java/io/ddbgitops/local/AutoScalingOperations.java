package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application Auto Scaling (API 2016-02-06) on the endpoint's port, for DynamoDB tables and global secondary
 * indexes: requests whose {@code X-Amz-Target} starts with {@code AnyScaleFrontendService.}, answered in JSON 1.1
 * (botocore's application-autoscaling service-2.json, checked 2026-12-01).
 */
final class AutoScalingOperations {
    static final String TARGET_PREFIX = "AnyScaleFrontendService.";
    private static final Logger LOG = LoggerFactory.getLogger(AutoScalingOperations.class);
    /** MaxResults of DescribeScalableTargets and DescribeScalingPolicies: 50 by default and at most. */
    private static final int MAX_RESULTS = 50;

    private final ScalableTargetOperations targets;
    private final ScalingPolicyOperations policies;

    AutoScalingOperations(ScalableTargetOperations targets, ScalingPolicyOperations policies) {
        this.targets = targets;
        this.policies = policies;
    }

    static boolean handles(String target) {
        return target.startsWith(TARGET_PREFIX);
    }

    /** Errors are answered here too: their shape is JSON 1.1's, not DynamoDB's JSON 1.0. */
    WireResponse answer(String target, String region, byte[] body) {
        String operation = target.substring(TARGET_PREFIX.length());
        try {
            ObjectNode request = Json.parseRequest(body);
            ObjectNode answer = switch (operation) {
                case "RegisterScalableTarget" -> targets.register(region, request);
                case "DescribeScalableTargets" -> targets.describe(region, request);
                case "DeregisterScalableTarget" -> targets.deregister(region, request);
                case "PutScalingPolicy" -> policies.put(region, request);
                case "DescribeScalingPolicies" -> policies.describe(region, request);
                case "DeleteScalingPolicy" -> policies.delete(region, request);
                default -> throw AwsException.unknownOperation(target);
            };
            LOG.debug("{} in {} answered by the front", operation, region);
            return WireResponse.okJson11(answer);
        } catch (AwsException e) {
            LOG.debug("{} in {} answered {}: {}", operation, region, e.code(), e.getMessage());
            return WireResponse.errorJson11(e);
        }
    }

    /** Answers one page of {@code all} under {@code member}; the token is the opaque position of the next page. */
    static <T> ObjectNode page(List<T> all, ObjectNode request, String member, Function<T, JsonNode> render) {
        int from = Json.text(request, "NextToken").filter(t -> !t.isEmpty()).map(AutoScalingOperations::position)
                .orElse(0);
        int size = Math.max(1, Math.min(MAX_RESULTS, request.path("MaxResults").asInt(MAX_RESULTS)));
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray(member);
        all.stream().skip(from).limit(size).map(render).forEach(items::add);
        if (from + size < all.size()) {
            answer.put("NextToken", Base64.getEncoder().encodeToString(
                    ("position:" + (from + size)).getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }

    private static int position(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("position:")) {
                return Integer.parseInt(decoded.substring("position:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new AwsException("InvalidNextTokenException", "Invalid token: " + token);
    }

    /** A required string member, refused as AWS's request validation refuses a missing one. */
    static String required(ObjectNode request, String member) {
        return Json.requiredText(request, member);
    }

    static List<String> strings(ObjectNode request, String member) {
        List<String> values = new ArrayList<>();
        request.path(member).forEach(v -> values.add(v.asText()));
        return values;
    }

    static Optional<Integer> integer(ObjectNode request, String member) {
        JsonNode value = request.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asInt());
    }

    static AwsException objectNotFound(String message) {
        return new AwsException("ObjectNotFoundException", message);
    }

    static String describe(ScalingKey key) {
        return "service namespace: " + ScalableResource.NAMESPACE + ", resource ID: " + key.resourceId()
                + ", scalable dimension: " + key.dimension();
    }
}
