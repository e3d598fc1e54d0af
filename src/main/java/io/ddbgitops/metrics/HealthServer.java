package io.ddbgitops.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * serve's HTTP side, on the JDK's server: /healthz (the process is up), /readyz (the schedule is running),
 * /status (the last run's outcome and time, as JSON) and /metrics (Prometheus text format).
 */
public final class HealthServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final RunMetrics metrics;
    private volatile boolean ready;

    private HealthServer(HttpServer server, RunMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    public static HealthServer start(InetSocketAddress address, RunMetrics metrics) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        HealthServer health = new HealthServer(server, metrics);
        server.createContext("/healthz", ex -> reply(ex, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", ex -> reply(ex, health.ready ? 200 : 503, "text/plain",
                health.ready ? "ready\n" : "starting\n"));
        server.createContext("/status", ex -> reply(ex, 200, "application/json", health.status()));
        server.createContext("/metrics", new MetricsHandler(metrics.registry()));
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ddb-gitops-health");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return health;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void ready(boolean ready) {
        this.ready = ready;
    }

    private String status() {
        ObjectNode node = JSON.createObjectNode();
        node.put("ready", ready);
        metrics.last().ifPresentOrElse(last -> {
            ObjectNode run = node.putObject("last_run");
            run.put("outcome", last.outcome());
            run.put("exit_code", last.exitCode());
            run.put("finished", last.finished().toString());
            run.put("duration_seconds", last.duration().toMillis() / 1e3);
            ObjectNode tables = run.putObject("tables");
            last.tables().forEach(tables::put);
        }, () -> node.putNull("last_run"));
        return node.toString() + "\n";
    }

    private static void reply(HttpExchange exchange, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
