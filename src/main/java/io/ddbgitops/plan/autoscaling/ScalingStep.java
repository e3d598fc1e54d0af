package io.ddbgitops.plan.autoscaling;

import java.util.Optional;

/**
 * One Application Auto Scaling call. Registering comes before its policy; deleting a policy before deregistering
 * its target (AWS deletes a target's policies with it, but only ours may go).
 */
public sealed interface ScalingStep {

    ScaledDimension dimension();

    String describe();

    /** RegisterScalableTarget: creates the target or changes its min and max. */
    record RegisterTarget(ScaledDimension dimension, long min, long max) implements ScalingStep {
        @Override
        public String describe() {
            return "auto scale " + dimension.describe() + " between " + min + " and " + max;
        }
    }

    /** PutScalingPolicy: a target-tracking policy on DynamoDB's utilisation metric (created or updated by name). */
    record PutPolicy(ScaledDimension dimension, String policyName, double targetUtilization,
                     Optional<Integer> scaleInCooldown, Optional<Integer> scaleOutCooldown) implements ScalingStep {
        @Override
        public String describe() {
            return "set scaling policy " + policyName + " of " + dimension.describe() + " to "
                    + AutoScalingFamily.percent(targetUtilization) + "% utilisation"
                    + scaleInCooldown.map(s -> ", scale-in cooldown " + s + "s").orElse("")
                    + scaleOutCooldown.map(s -> ", scale-out cooldown " + s + "s").orElse("");
        }
    }

    record DeletePolicy(ScaledDimension dimension, String policyName) implements ScalingStep {
        @Override
        public String describe() {
            return "delete scaling policy " + policyName + " of " + dimension.describe();
        }
    }

    record DeregisterTarget(ScaledDimension dimension) implements ScalingStep {
        @Override
        public String describe() {
            return "stop auto scaling " + dimension.describe();
        }
    }
}
