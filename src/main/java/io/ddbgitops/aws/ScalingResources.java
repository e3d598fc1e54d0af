package io.ddbgitops.aws;

import io.ddbgitops.plan.autoscaling.ScaledDimension;

import java.util.Optional;

/**
 * How Application Auto Scaling names DynamoDB capacity: resource ids, scalable dimensions and the predefined
 * utilisation metrics, from https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html
 * and https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html
 * (both checked 2026-12-01).
 */
final class ScalingResources {
    private ScalingResources() {}

    static String resourceId(String table, Optional<String> index) {
        return "table/" + table + index.map(i -> "/index/" + i).orElse("");
    }

    static String resourceId(String table, ScaledDimension dimension) {
        return resourceId(table, dimension.index());
    }

    static String scalableDimension(ScaledDimension dimension) {
        return "dynamodb:" + (dimension.index().isPresent() ? "index" : "table") + ":"
                + (dimension.capacity() == ScaledDimension.Capacity.READ ? "Read" : "Write") + "CapacityUnits";
    }

    static String metric(ScaledDimension dimension) {
        return dimension.capacity() == ScaledDimension.Capacity.READ
                ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization";
    }

    /** The dimension a target of this table stands for; empty for anything else. */
    static Optional<ScaledDimension> dimension(String table, String resourceId, String scalableDimension) {
        String prefix = "table/" + table;
        Optional<String> index;
        if (resourceId.equals(prefix)) {
            index = Optional.empty();
        } else if (resourceId.startsWith(prefix + "/index/")) {
            index = Optional.of(resourceId.substring((prefix + "/index/").length()));
        } else {
            return Optional.empty();
        }
        for (ScaledDimension.Capacity capacity : ScaledDimension.Capacity.values()) {
            ScaledDimension dimension = new ScaledDimension(index, capacity);
            if (scalableDimension(dimension).equals(scalableDimension)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }
}
