package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.autoscaling.ScaledDimension;
import io.ddbgitops.plan.autoscaling.ScalingStep;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * Makes one Application Auto Scaling call for a table or index. No role ARN is passed: for DynamoDB, Application
 * Auto Scaling uses its service-linked role (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-service-linked-roles.html,
 * checked 2026-12-01). The order of the calls is the plan's: register before putting a policy, delete a policy
 * before deregistering. Retries are the client's ({@link Retries}), which include Application Auto Scaling's
 * ConcurrentUpdateException.
 */
final class AutoScalingApplier {
    private final DynamoDbClients clients;

    AutoScalingApplier(DynamoDbClients clients) {
        this.clients = clients;
    }

    void apply(TableId id, ScalingStep step) {
        ApplicationAutoScalingClient client = clients.autoScaling(id);
        ScaledDimension dimension = step.dimension();
        String resource = ScalingResources.resourceId(id.tableName(), dimension);
        String scalable = ScalingResources.scalableDimension(dimension);
        if (step instanceof ScalingStep.RegisterTarget register) {
            client.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceId(resource).scalableDimension(scalable)
                    .minCapacity(Math.toIntExact(register.min())).maxCapacity(Math.toIntExact(register.max())));
        } else if (step instanceof ScalingStep.PutPolicy put) {
            client.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceId(resource).scalableDimension(scalable)
                    .policyName(put.policyName()).policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(c -> {
                        c.targetValue(put.targetUtilization())
                                .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                        ScalingResources.metric(dimension)));
                        put.scaleInCooldown().ifPresent(c::scaleInCooldown);
                        put.scaleOutCooldown().ifPresent(c::scaleOutCooldown);
                    }));
        } else if (step instanceof ScalingStep.DeletePolicy delete) {
            client.deleteScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceId(resource).scalableDimension(scalable).policyName(delete.policyName()));
        } else if (step instanceof ScalingStep.DeregisterTarget) {
            client.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceId(resource).scalableDimension(scalable));
        } else {
            throw new IllegalArgumentException("no applier for " + step);
        }
    }
}
