package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.autoscaling.ObservedScaling;
import io.ddbgitops.plan.autoscaling.ScaledDimension;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the scalable targets of a table and its global indexes, and their target-tracking policies, whoever
 * registered them: one DescribeScalableTargets per table (filtered by the resource ids of the table and its
 * indexes), then one DescribeScalingPolicies per resource that has a target. Read-only.
 *
 * <p>Resource ids and dimensions as in the Application Auto Scaling API reference,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html (checked
 * 2026-12-01): {@code table/NAME}, {@code table/NAME/index/INDEX}; {@code dynamodb:table:ReadCapacityUnits} etc.
 */
public final class AutoScalingReader {
    private final DynamoDbClients clients;

    public AutoScalingReader(DynamoDbClients clients) {
        this.clients = clients;
    }

    /** Empty when the endpoint does not offer Application Auto Scaling: unknown, so nothing is decided on it. */
    public Optional<ObservedScaling> read(TableId id, List<String> indexNames) {
        ApplicationAutoScalingClient client = clients.autoScaling(id);
        List<String> resources = new ArrayList<>();
        resources.add(ScalingResources.resourceId(id.tableName(), Optional.empty()));
        indexNames.forEach(index -> resources.add(ScalingResources.resourceId(id.tableName(), Optional.of(index))));
        return LiveStateReader.optional(() -> {
            List<ScalableTarget> targets = client.describeScalableTargetsPaginator(r -> r
                    .serviceNamespace(ServiceNamespace.DYNAMODB).resourceIds(resources)).scalableTargets().stream()
                    .toList();
            Map<String, List<ScalingPolicy>> policies = new TreeMap<>();
            targets.stream().map(ScalableTarget::resourceId).distinct().forEach(resource -> policies.put(resource,
                    client.describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                            .resourceId(resource)).scalingPolicies().stream().toList()));
            return new ObservedScaling(targets.stream()
                    .flatMap(t -> target(id.tableName(), t, policies.getOrDefault(t.resourceId(), List.of())).stream())
                    .toList());
        });
    }

    private static Optional<ObservedScaling.Target> target(String table, ScalableTarget target,
                                                          List<ScalingPolicy> policies) {
        return ScalingResources.dimension(table, target.resourceId(), target.scalableDimensionAsString())
                .map(dimension -> new ObservedScaling.Target(dimension, target.minCapacity(), target.maxCapacity(),
                        policies.stream()
                                .filter(p -> p.scalableDimensionAsString().equals(target.scalableDimensionAsString()))
                                .flatMap(p -> tracking(p, dimension).stream())
                                .toList()));
    }

    /** Only target tracking on DynamoDB's own utilisation metric is what the manifest's target means. */
    private static Optional<ObservedScaling.TrackingPolicy> tracking(ScalingPolicy policy, ScaledDimension dimension) {
        TargetTrackingScalingPolicyConfiguration config = policy.targetTrackingScalingPolicyConfiguration();
        if (policy.policyType() != PolicyType.TARGET_TRACKING_SCALING || config == null
                || config.predefinedMetricSpecification() == null || !ScalingResources.metric(dimension)
                .equals(config.predefinedMetricSpecification().predefinedMetricTypeAsString())) {
            return Optional.empty();
        }
        return Optional.of(new ObservedScaling.TrackingPolicy(policy.policyName(), config.targetValue(),
                Optional.ofNullable(config.scaleInCooldown()), Optional.ofNullable(config.scaleOutCooldown())));
    }
}
