package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Test hooks for clients outside the JVM, under {@code /local-admin/} on the endpoint's port (loopback only, like the
 * endpoint). {@code POST /local-admin/scaler/capacity} with
 * {@code {"Region": "...", "ResourceId": "table/T", "ScalableDimension": "dynamodb:table:ReadCapacityUnits",
 * "Capacity": 7}} moves capacity as {@link Scaler#setCapacity} does and answers {@code {"Capacity": <set>}}.
 * {@code POST /local-admin/delays} with any of {@code IndexBackfill}, {@code Restore}, {@code ReplicaCreation},
 * {@code TableClassUpdate}, {@code SseUpdate} as ISO-8601 durations ({@code "PT5S"}) sets those {@link Delays}
 * (the others stay) and answers all five.
 */
final class LocalAdmin {
    static final String PREFIX = "/local-admin/";

    private final Scaler scaler;
    private final SlowWork slowWork;

    LocalAdmin(Scaler scaler, SlowWork slowWork) {
        this.scaler = scaler;
        this.slowWork = slowWork;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    WireResponse answer(String method, String path, byte[] body) {
        try {
            if (!method.equals("POST")) {
                throw new IllegalArgumentException("Admin routes take POST, got " + method);
            }
            ObjectNode request = Json.parseRequest(body);
            return switch (path.substring(PREFIX.length())) {
                case "scaler/capacity" -> WireResponse.ok(Json.object().put("Capacity", scaler.setCapacity(
                        Json.text(request, "Region").orElse(SigV4Authorization.DEFAULT_REGION),
                        Json.requiredText(request, "ResourceId"), Json.requiredText(request, "ScalableDimension"),
                        request.path("Capacity").asLong())));
                case "delays" -> WireResponse.ok(delays(request));
                default -> throw new IllegalArgumentException("No admin route " + path);
            };
        } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            return WireResponse.error(AwsException.validation(e.getMessage()));
        }
    }

    private ObjectNode delays(ObjectNode request) {
        Delays delays = slowWork.delays();
        delays = delays.withIndexBackfill(duration(request, "IndexBackfill", delays.indexBackfill()))
                .withRestore(duration(request, "Restore", delays.restore()))
                .withReplicaCreation(duration(request, "ReplicaCreation", delays.replicaCreation()))
                .withTableClassUpdate(duration(request, "TableClassUpdate", delays.tableClassUpdate()))
                .withSseUpdate(duration(request, "SseUpdate", delays.sseUpdate()));
        slowWork.setDelays(delays);
        return Json.object().put("IndexBackfill", delays.indexBackfill().toString())
                .put("Restore", delays.restore().toString())
                .put("ReplicaCreation", delays.replicaCreation().toString())
                .put("TableClassUpdate", delays.tableClassUpdate().toString())
                .put("SseUpdate", delays.sseUpdate().toString());
    }

    private static Duration duration(ObjectNode request, String member, Duration current) {
        return Json.text(request, member).map(Duration::parse).orElse(current);
    }
}
