package io.ddbgitops.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in DynamoDB endpoint on loopback that only notes when a run's requests arrive: the first request of
 * any kind (start-up ends there) and the first {@code DescribeTable} (the first table being read). It answers
 * {@code ListTables} with no tables, so the pre-flight check passes, and everything else like AWS answers an
 * unknown table. Times are {@link System#nanoTime()} of this JVM, which also starts the measured process.
 */
final class FirstRequests implements AutoCloseable {
    private final HttpServer server;
    private volatile Round round = new Round();

    /** One measured process: the latches open on its first request and its first DescribeTable. */
    static final class Round {
        final CountDownLatch anyRequest = new CountDownLatch(1);
        final CountDownLatch describeTable = new CountDownLatch(1);
        volatile long firstRequestAt;
        volatile long firstDescribeAt;
    }

    FirstRequests() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Round next() {
        round = new Round();
        return round;
    }

    private void answer(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        Round current = round;
        String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
        if (current.anyRequest.getCount() > 0) {
            current.firstRequestAt = at;
            current.anyRequest.countDown();
        }
        exchange.getRequestBody().readAllBytes();
        String body;
        int status;
        if (target.endsWith(".ListTables")) {
            status = 200;
            body = "{\"TableNames\":[]}";
        } else {
            if (target.endsWith(".DescribeTable") && current.describeTable.getCount() > 0) {
                current.firstDescribeAt = at;
                current.describeTable.countDown();
            }
            status = 400;
            body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                    + "\"message\":\"Requested resource not found\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static boolean await(CountDownLatch latch, Process process, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (latch.await(20, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return latch.getCount() == 0;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
