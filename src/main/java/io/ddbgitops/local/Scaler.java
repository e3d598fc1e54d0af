package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Moves provisioned capacity the way Application Auto Scaling does: only for a registered scalable target and only
 * inside its [min, max]. It updates the table straight through DynamoDB Local, so the change is nobody's client
 * request: nothing a client of the endpoint sent, and no write the front records.
 *
 * <p>Tests use {@link #setCapacity} to play the scaler; out of process the admin route
 * {@code POST /local-admin/scaler/capacity} does the same.
 */
public final class Scaler {
    private final ScalingState state;
    private final Engine engine;

    Scaler(ScalingState state, Engine engine) {
        this.state = state;
        this.engine = engine;
    }

    /**
     * Sets the capacity of a scaled dimension as the scaler would: {@code units} outside the target's [min, max] is
     * moved to the nearest bound.
     *
     * @param resourceId {@code table/NAME} or {@code table/NAME/index/INDEX}
     * @param dimension e.g. {@code dynamodb:table:ReadCapacityUnits}
     * @return the capacity now set
     * @throws IllegalArgumentException for a resource id or dimension Application Auto Scaling would refuse
     * @throws IllegalStateException when no scalable target is registered for it, or the table is not provisioned
     */
    public long setCapacity(String region, String resourceId, String dimension, long units) {
        ScalableResource resource;
        try {
            resource = ScalableResource.parse(ScalableResource.NAMESPACE, resourceId, dimension);
        } catch (AwsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ScalableTarget target = state.target(new ScalingKey(region, resourceId, dimension))
                .orElseThrow(() -> new IllegalStateException("No scalable target registered for " + resourceId
                        + " " + dimension + " in " + region));
        long value = target.clamp(units);
        synchronized (this) {
            if (current(region, resource).isEmpty()) {
                throw new IllegalStateException(resourceId + " in " + region
                        + " does not exist or has no provisioned capacity");
            }
            set(region, resource, value);
        }
        return value;
    }

    /** After a target's range was set: capacity outside it moves to the nearest bound, as on AWS. */
    synchronized void bringIntoRange(ScalableTarget target, ScalableResource resource) {
        current(target.key().region(), resource).ifPresent(units -> {
            long wanted = target.clamp(units);
            if (wanted != units) {
                set(target.key().region(), resource, wanted);
            }
        });
    }

    /** The dimension's provisioned capacity; empty for a missing table or index, or an on-demand table. */
    private Optional<Long> current(String region, ScalableResource resource) {
        return throughput(region, resource).map(t -> t.path(resource.capacityField()).asLong());
    }

    private Optional<JsonNode> throughput(String region, ScalableResource resource) {
        Optional<ObjectNode> description = engine.describeTable(region, resource.table());
        if (description.isEmpty() || description.get().path("BillingModeSummary").path("BillingMode").asText()
                .equals("PAY_PER_REQUEST")) {
            return Optional.empty();
        }
        if (resource.index().isEmpty()) {
            return Optional.of(description.get().path("ProvisionedThroughput"));
        }
        for (JsonNode index : description.get().path("GlobalSecondaryIndexes")) {
            if (index.path("IndexName").asText().equals(resource.index().get())) {
                return Optional.of(index.path("ProvisionedThroughput"));
            }
        }
        return Optional.empty();
    }

    private void set(String region, ScalableResource resource, long units) {
        JsonNode throughput = throughput(region, resource).orElseThrow();
        if (throughput.path(resource.capacityField()).asLong() == units) {
            return; // DynamoDB refuses an update that changes nothing
        }
        ObjectNode wanted = Json.object()
                .put("ReadCapacityUnits", throughput.path("ReadCapacityUnits").asLong())
                .put("WriteCapacityUnits", throughput.path("WriteCapacityUnits").asLong())
                .put(resource.capacityField(), units);
        ObjectNode update = Json.object().put("TableName", resource.table());
        if (resource.index().isPresent()) {
            update.putArray("GlobalSecondaryIndexUpdates").addObject().putObject("Update")
                    .put("IndexName", resource.index().get()).set("ProvisionedThroughput", wanted);
        } else {
            update.set("ProvisionedThroughput", wanted);
        }
        engine.call(region, "UpdateTable", update);
    }
}
