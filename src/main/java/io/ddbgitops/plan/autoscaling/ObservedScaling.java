package io.ddbgitops.plan.autoscaling;

import java.util.List;
import java.util.Optional;

/**
 * What Application Auto Scaling says about one table and its indexes: the scalable targets registered for them
 * (by anyone) and their target-tracking policies on DynamoDB's utilisation metrics. Our own terms, never SDK types.
 */
public record ObservedScaling(List<Target> targets) {

    public ObservedScaling {
        targets = List.copyOf(targets);
    }

    public static ObservedScaling none() {
        return new ObservedScaling(List.of());
    }

    public Optional<Target> target(ScaledDimension dimension) {
        return targets.stream().filter(t -> t.dimension().equals(dimension)).findFirst();
    }

    /** A registered scalable target: the capacity range the scaler keeps, and the policies that move it. */
    public record Target(ScaledDimension dimension, long min, long max, List<TrackingPolicy> policies) {
        public Target {
            policies = List.copyOf(policies);
        }

        /** Our policy if it is there; otherwise the first one someone else put. */
        Optional<TrackingPolicy> policy() {
            return policies.stream().filter(p -> p.name().equals(dimension.policyName())).findFirst()
                    .or(() -> policies.stream().findFirst());
        }

        boolean hasOurPolicy() {
            return policies.stream().anyMatch(p -> p.name().startsWith(ScaledDimension.POLICY_PREFIX));
        }
    }

    /** A target-tracking policy: the utilisation it aims at, and its cooldowns when set. */
    public record TrackingPolicy(String name, double targetUtilization, Optional<Integer> scaleInCooldown,
                                 Optional<Integer> scaleOutCooldown) {
    }
}
