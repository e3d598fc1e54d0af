package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy. Policies are kept and described as given; the
 * endpoint does not watch utilisation, so a policy never moves capacity by itself ({@link Scaler} does, on request).
 * A target-tracking policy for DynamoDB gets the four CloudWatch alarms AWS creates for it (AlarmHigh, AlarmLow,
 * ProvisionedCapacityHigh, ProvisionedCapacityLow), named and ARN'd as AWS names them.
 */
final class ScalingPolicyOperations {
    static final String TARGET_TRACKING = "TargetTrackingScaling";
    private static final List<String> POLICY_TYPES = List.of("StepScaling", TARGET_TRACKING, "PredictiveScaling");
    private static final List<String> CONFIGURATIONS = List.of("StepScalingPolicyConfiguration",
            "TargetTrackingScalingPolicyConfiguration", "PredictiveScalingPolicyConfiguration");
    private static final List<String> ALARMS = List.of("AlarmHigh", "AlarmLow", "ProvisionedCapacityHigh",
            "ProvisionedCapacityLow");

    private final ScalingState state;
    private final Clock clock;

    ScalingPolicyOperations(ScalingState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    ObjectNode put(String region, ObjectNode request) {
        String name = AutoScalingOperations.required(request, "PolicyName");
        ScalingKey key = key(region, request);
        String type = Json.text(request, "PolicyType").orElse("StepScaling");
        ScalableResource.checkEnum("policyType", type, POLICY_TYPES);
        if (type.equals(TARGET_TRACKING)) {
            if (!request.path("TargetTrackingScalingPolicyConfiguration").isObject()) {
                throw AwsException.validation("TargetTrackingScalingPolicyConfiguration is required for a policy"
                        + " of type " + TARGET_TRACKING);
            }
            Json.requiredText(request.get("TargetTrackingScalingPolicyConfiguration"), "TargetValue");
        }
        ObjectNode configuration = Json.object();
        CONFIGURATIONS.stream().filter(request::has).forEach(c -> configuration.set(c, request.get(c).deepCopy()));
        ScalingPolicy policy;
        synchronized (this) {
            if (state.target(key).isEmpty()) {
                throw AutoScalingOperations.objectNotFound("No scalable target registered for "
                        + AutoScalingOperations.describe(key));
            }
            Optional<ScalingPolicy> existing = state.policy(key, name);
            List<ScalingPolicy.Alarm> alarms = existing.filter(p -> p.type().equals(type))
                    .map(ScalingPolicy::alarms)
                    .orElseGet(() -> type.equals(TARGET_TRACKING) ? alarms(key) : List.of());
            policy = new ScalingPolicy(key, name, type,
                    existing.map(ScalingPolicy::arn).orElseGet(() -> policyArn(key, name)),
                    existing.map(ScalingPolicy::createdAt).orElse(clock.millis() / 1000.0), configuration, alarms);
            state.putPolicy(policy);
        }
        ObjectNode answer = Json.object().put("PolicyARN", policy.arn());
        if (!policy.alarms().isEmpty()) {
            answer.set("Alarms", alarms(policy));
        }
        return answer;
    }

    ObjectNode describe(String region, ObjectNode request) {
        String namespace = AutoScalingOperations.required(request, "ServiceNamespace");
        ScalableResource.checkEnum("serviceNamespace", namespace, ScalableResource.NAMESPACES);
        Optional<String> dimension = Json.text(request, "ScalableDimension");
        dimension.ifPresent(d -> ScalableResource.checkEnum("scalableDimension", d, ScalableResource.DIMENSIONS));
        Optional<String> resourceId = Json.text(request, "ResourceId");
        List<String> names = AutoScalingOperations.strings(request, "PolicyNames");
        List<ScalingPolicy> matching = state.policies(p -> p.key().region().equals(region)
                && namespace.equals(ScalableResource.NAMESPACE)
                && resourceId.map(r -> r.equals(p.key().resourceId())).orElse(true)
                && dimension.map(d -> d.equals(p.key().dimension())).orElse(true)
                && (names.isEmpty() || names.contains(p.name())));
        return AutoScalingOperations.page(matching, request, "ScalingPolicies", ScalingPolicyOperations::render);
    }

    ObjectNode delete(String region, ObjectNode request) {
        String name = AutoScalingOperations.required(request, "PolicyName");
        ScalingKey key = key(region, request);
        if (!state.removePolicy(key, name)) {
            throw AutoScalingOperations.objectNotFound("No scaling policy found for "
                    + AutoScalingOperations.describe(key) + ", policy name: " + name);
        }
        return Json.object();
    }

    private static ScalingKey key(String region, ObjectNode request) {
        String namespace = AutoScalingOperations.required(request, "ServiceNamespace");
        String resourceId = AutoScalingOperations.required(request, "ResourceId");
        String dimension = AutoScalingOperations.required(request, "ScalableDimension");
        ScalableResource.parse(namespace, resourceId, dimension);
        return new ScalingKey(region, resourceId, dimension);
    }

    private static ObjectNode render(ScalingPolicy policy) {
        ObjectNode node = Json.object()
                .put("PolicyARN", policy.arn())
                .put("PolicyName", policy.name())
                .put("ServiceNamespace", ScalableResource.NAMESPACE)
                .put("ResourceId", policy.key().resourceId())
                .put("ScalableDimension", policy.key().dimension())
                .put("PolicyType", policy.type());
        node.setAll(policy.configuration());
        node.set("Alarms", alarms(policy));
        node.set("CreationTime", TableDescriptions.seconds(policy.createdAt()));
        return node;
    }

    private static ArrayNode alarms(ScalingPolicy policy) {
        ArrayNode alarms = Json.array();
        policy.alarms().forEach(a -> alarms.addObject().put("AlarmName", a.alarmName()).put("AlarmARN", a.alarmArn()));
        return alarms;
    }

    /** {@code TargetTracking-<resource id>-<kind>-<uuid>}, in the region's CloudWatch. */
    private static List<ScalingPolicy.Alarm> alarms(ScalingKey key) {
        return ALARMS.stream().map(kind -> {
            String name = "TargetTracking-" + key.resourceId() + "-" + kind + "-" + UUID.randomUUID();
            return new ScalingPolicy.Alarm(name,
                    "arn:aws:cloudwatch:" + key.region() + ":" + TableArns.ACCOUNT + ":alarm:" + name);
        }).toList();
    }

    /** {@code arn:aws:autoscaling:<region>:<account>:scalingPolicy:<uuid>:resource/dynamodb/<id>:policyName/<name>}. */
    private static String policyArn(ScalingKey key, String name) {
        return "arn:aws:autoscaling:" + key.region() + ":" + TableArns.ACCOUNT + ":scalingPolicy:" + UUID.randomUUID()
                + ":resource/" + ScalableResource.NAMESPACE + "/" + key.resourceId() + ":policyName/" + name;
    }
}
