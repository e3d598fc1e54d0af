package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * RegisterScalableTarget, DescribeScalableTargets and DeregisterScalableTarget for DynamoDB. Registering (or
 * changing) a range moves the live capacity into it at once, as AWS documents for RegisterScalableTarget
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html, checked
 * 2026-12-01). Targets and policies outlive their table: "When you delete a table or global table replica then any
 * associated scalable targets, scaling polices, or CloudWatch alarms are not automatically deleted with it"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html, checked 2026-12-01).
 */
final class ScalableTargetOperations {
    /** The service-linked role AWS uses (and shows) when a registration names no RoleARN. */
    static final String DYNAMODB_ROLE = "arn:aws:iam::" + TableArns.ACCOUNT + ":role/aws-service-role/"
            + "dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

    private final ScalingState state;
    private final Engine engine;
    private final Scaler scaler;
    private final Clock clock;

    ScalableTargetOperations(ScalingState state, Engine engine, Scaler scaler, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.scaler = scaler;
        this.clock = clock;
    }

    ObjectNode register(String region, ObjectNode request) {
        String namespace = AutoScalingOperations.required(request, "ServiceNamespace");
        String resourceId = AutoScalingOperations.required(request, "ResourceId");
        String dimension = AutoScalingOperations.required(request, "ScalableDimension");
        ScalableResource resource = ScalableResource.parse(namespace, resourceId, dimension);
        requireExists(region, resource, resourceId);
        ScalingKey key = new ScalingKey(region, resourceId, dimension);
        Optional<Integer> min = AutoScalingOperations.integer(request, "MinCapacity");
        Optional<Integer> max = AutoScalingOperations.integer(request, "MaxCapacity");
        ScalableTarget target;
        synchronized (this) {
            Optional<ScalableTarget> existing = state.target(key);
            if (existing.isEmpty() && (min.isEmpty() || max.isEmpty())) {
                throw AwsException.validation("MinCapacity and MaxCapacity are required to register a new"
                        + " scalable target");
            }
            int newMin = min.orElseGet(() -> existing.orElseThrow().minCapacity());
            int newMax = max.orElseGet(() -> existing.orElseThrow().maxCapacity());
            if (newMin > newMax) {
                throw AwsException.validation("Maximum capacity cannot be less than minimum capacity");
            }
            target = existing.map(t -> t.withRange(newMin, newMax)).orElseGet(() -> new ScalableTarget(key, newMin,
                    newMax, DYNAMODB_ROLE, clock.millis() / 1000.0, targetArn(region), false, false, false));
            target = Json.text(request, "RoleARN").map(target::withRoleArn).orElse(target);
            if (request.has("SuspendedState")) {
                ObjectNode suspended = (ObjectNode) request.get("SuspendedState");
                target = target.withSuspended(
                        suspended.path("DynamicScalingInSuspended").asBoolean(target.dynamicScalingInSuspended()),
                        suspended.path("DynamicScalingOutSuspended").asBoolean(target.dynamicScalingOutSuspended()),
                        suspended.path("ScheduledScalingSuspended").asBoolean(target.scheduledScalingSuspended()));
            }
            state.putTarget(target);
        }
        scaler.bringIntoRange(target, resource);
        return Json.object().put("ScalableTargetARN", target.arn());
    }

    ObjectNode describe(String region, ObjectNode request) {
        String namespace = AutoScalingOperations.required(request, "ServiceNamespace");
        ScalableResource.checkEnum("serviceNamespace", namespace, ScalableResource.NAMESPACES);
        Optional<String> dimension = Json.text(request, "ScalableDimension");
        dimension.ifPresent(d -> ScalableResource.checkEnum("scalableDimension", d, ScalableResource.DIMENSIONS));
        List<String> resourceIds = AutoScalingOperations.strings(request, "ResourceIds");
        List<ScalableTarget> matching = state.targets(t -> t.key().region().equals(region)
                && namespace.equals(ScalableResource.NAMESPACE)
                && (resourceIds.isEmpty() || resourceIds.contains(t.key().resourceId()))
                && dimension.map(d -> d.equals(t.key().dimension())).orElse(true));
        return AutoScalingOperations.page(matching, request, "ScalableTargets", ScalableTargetOperations::render);
    }

    ObjectNode deregister(String region, ObjectNode request) {
        String namespace = AutoScalingOperations.required(request, "ServiceNamespace");
        String resourceId = AutoScalingOperations.required(request, "ResourceId");
        String dimension = AutoScalingOperations.required(request, "ScalableDimension");
        ScalableResource.parse(namespace, resourceId, dimension);
        ScalingKey key = new ScalingKey(region, resourceId, dimension);
        if (!state.removeTarget(key)) {
            throw AutoScalingOperations.objectNotFound("No scalable target registered for "
                    + AutoScalingOperations.describe(key));
        }
        return Json.object();
    }

    /** AWS refuses to register a target for a table or index it cannot find, with these messages. */
    private void requireExists(String region, ScalableResource resource, String resourceId) {
        Optional<ObjectNode> table = engine.describeTable(region, resource.table());
        if (table.isEmpty()) {
            throw AwsException.validation("DynamoDB table does not exist: table/" + resource.table());
        }
        if (resource.index().isPresent()) {
            boolean found = false;
            for (var index : table.get().path("GlobalSecondaryIndexes")) {
                found |= index.path("IndexName").asText().equals(resource.index().get());
            }
            if (!found) {
                throw AwsException.validation("DynamoDB index does not exist: " + resourceId);
            }
        }
    }

    private static ObjectNode render(ScalableTarget target) {
        ObjectNode node = Json.object()
                .put("ServiceNamespace", ScalableResource.NAMESPACE)
                .put("ResourceId", target.key().resourceId())
                .put("ScalableDimension", target.key().dimension())
                .put("MinCapacity", target.minCapacity())
                .put("MaxCapacity", target.maxCapacity())
                .put("RoleARN", target.roleArn());
        node.set("CreationTime", TableDescriptions.seconds(target.createdAt()));
        node.putObject("SuspendedState")
                .put("DynamicScalingInSuspended", target.dynamicScalingInSuspended())
                .put("DynamicScalingOutSuspended", target.dynamicScalingOutSuspended())
                .put("ScheduledScalingSuspended", target.scheduledScalingSuspended());
        node.put("ScalableTargetARN", target.arn());
        return node;
    }

    /** AWS's form: {@code arn:aws:application-autoscaling:<region>:<account>:scalable-target/<36 hex digits>}. */
    private static String targetArn(String region) {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 36);
        return "arn:aws:application-autoscaling:" + region + ":" + TableArns.ACCOUNT + ":scalable-target/" + hex;
    }
}
