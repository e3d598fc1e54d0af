package io.ddbgitops.manifest;

import java.util.Optional;

/**
 * {@code autoscaling} of a table or of one global index: Application Auto Scaling for its read and/or write
 * capacity. A dimension the manifest leaves out is not managed by this tool.
 */
public record AutoScalingSpec(Optional<Dimension> read, Optional<Dimension> write) {

    /**
     * One scaled dimension: capacity kept within {@code [min, max]} by a target-tracking policy aiming at
     * {@code targetUtilization} percent; cooldowns in seconds, absent meaning AWS's default.
     */
    public record Dimension(long min, long max, double targetUtilization, Optional<Integer> scaleInCooldown,
                            Optional<Integer> scaleOutCooldown) {
    }
}
