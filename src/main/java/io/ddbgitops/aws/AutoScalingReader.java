package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.autoscaling.ObservedScaling;
import io.ddbgitops.plan.autoscaling.ScaledDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the scalable targets of a table and its global indexes, and their target-tracking policies, whoever
 * registered them, from the run's one listing of the region ({@link RegionListings#scaling}): one
 * DescribeScalableTargets and one DescribeScalingPolicies per region (all pages) instead of one or more per table.
 * Read-only.
 *
 * <p>Resource ids and dimensions as in the Application Auto Scaling API reference,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html (checked
 * 2026-12-01): {@code table/NAME}, {@code table/NAME/index/INDEX}; {@code dynamodb:table:ReadCapacityUnits} etc.
 */
public final class AutoScalingReader {
    /** Empty when the endpoint does not offer Application Auto Scaling: unknown, so nothing is decided on it. */
    public Optional<ObservedScaling> read(TableId id, List<String> indexNames, RegionListings listings) {
        Set<String> resources = new TreeSet<>();
        resources.add(ScalingResources.resourceId(id.tableName(), Optional.empty()));
        indexNames.forEach(index -> resources.add(ScalingResources.resourceId(id.tableName(), Optional.of(index))));
        return listings.scaling(Placement.of(id)).map(region -> new ObservedScaling(region.targets(resources).stream()
                .flatMap(t -> target(id.tableName(), t, region.policies(t.resourceId())).stream())
                .toList()));
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
