package io.ddbgitops.local;

/**
 * A registered scalable target. {@code createdAt} is epoch seconds; the three flags are AWS's SuspendedState.
 */
record ScalableTarget(ScalingKey key, int minCapacity, int maxCapacity, String roleArn, double createdAt,
        String arn, boolean dynamicScalingInSuspended, boolean dynamicScalingOutSuspended,
        boolean scheduledScalingSuspended) {

    ScalableTarget withRange(int min, int max) {
        return new ScalableTarget(key, min, max, roleArn, createdAt, arn, dynamicScalingInSuspended,
                dynamicScalingOutSuspended, scheduledScalingSuspended);
    }

    ScalableTarget withRoleArn(String role) {
        return new ScalableTarget(key, minCapacity, maxCapacity, role, createdAt, arn, dynamicScalingInSuspended,
                dynamicScalingOutSuspended, scheduledScalingSuspended);
    }

    ScalableTarget withSuspended(boolean in, boolean out, boolean scheduled) {
        return new ScalableTarget(key, minCapacity, maxCapacity, roleArn, createdAt, arn, in, out, scheduled);
    }

    /** The capacity nearest to {@code units} that the scaler may set. */
    long clamp(long units) {
        return Math.max(minCapacity, Math.min(maxCapacity, units));
    }
}
