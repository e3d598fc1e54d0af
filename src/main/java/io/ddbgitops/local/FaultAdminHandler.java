package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@value #PATH} on the endpoint's loopback port, for tests and benchmarks in another process: GET shows the fault
 * plan and what was injected, PUT (or POST) replaces the plan with the JSON body, DELETE removes every fault.
 * Its own requests never get a fault.
 */
final class FaultAdminHandler implements HttpHandler {
    static final String PATH = "/local-admin/faults";

    private final FaultInjector faults;

    FaultAdminHandler(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            FrontHandler.send(exchange, answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
        }
    }

    private WireResponse answer(String method, String path, byte[] body) {
        if (!path.equals(PATH)) {
            return WireResponse.error(AwsException.validation("Unknown admin path " + path + "; use " + PATH));
        }
        try {
            switch (method) {
                case "GET" -> { }
                case "PUT", "POST" -> faults.set(FaultPlan.fromJson(parse(body)));
                case "DELETE" -> faults.clear();
                default -> {
                    return WireResponse.error(AwsException.validation(
                            "Method " + method + " not allowed on " + PATH + "; use GET, PUT, POST or DELETE"));
                }
            }
        } catch (IllegalArgumentException e) {
            return WireResponse.error(AwsException.validation("Invalid fault plan: " + e.getMessage()));
        }
        return WireResponse.ok(status());
    }

    private ObjectNode status() {
        ObjectNode status = faults.plan().toJson();
        ObjectNode injected = status.putObject("injected");
        faults.injected().forEach((fault, count) -> injected.put(fault.wireName(), count));
        return status.put("requests", faults.requests());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
    }
}
