package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test hooks for clients outside the JVM, under {@code /local-admin/} on the endpoint's port (loopback only, like the
 * endpoint). {@code POST /local-admin/scaler/capacity} with
 * {@code {"Region": "...", "ResourceId": "table/T", "ScalableDimension": "dynamodb:table:ReadCapacityUnits",
 * "Capacity": 7}} moves capacity as {@link Scaler#setCapacity} does and answers {@code {"Capacity": <set>}}.
 */
final class LocalAdmin {
    static final String PREFIX = "/local-admin/";

    private final Scaler scaler;

    LocalAdmin(Scaler scaler) {
        this.scaler = scaler;
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
                default -> throw new IllegalArgumentException("No admin route " + path);
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return WireResponse.error(AwsException.validation(e.getMessage()));
        }
    }
}
