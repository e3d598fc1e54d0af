package io.ddbgitops.local;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects the {@link FaultInjector}'s faults into DynamoDB API calls, before the front handles them. The error answers are DynamoDB's
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html, checked 2026-12-01;
 * __type namespaces as botocore's dynamodb service model and real responses show them).
 */
final class FaultFilter extends Filter {
    private static final Logger LOG = LoggerFactory.getLogger(FaultFilter.class);
    /** Item reads and writes get ProvisionedThroughputExceededException; the rest is control plane. */
    private static final Set<String> DATA_PLANE = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem",
            "BatchGetItem", "BatchWriteItem", "Query", "Scan", "TransactGetItems", "TransactWriteItems",
            "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction");

    private static final String DYNAMODB_TARGET = "DynamoDB_20120810.";

    private final FaultInjector faults;

    FaultFilter(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public String description() {
        return "fault injection";
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
        if (!target.startsWith(DYNAMODB_TARGET)) {
            // other services on this port (and admin paths) have error shapes of their own: no faults there
            chain.doFilter(exchange);
            return;
        }
        String operation = target.substring(DYNAMODB_TARGET.length());
        Optional<FaultRule> rule = faults.choose(operation);
        if (rule.isEmpty()) {
            chain.doFilter(exchange);
            return;
        }
        Fault fault = rule.get().fault();
        LOG.debug("Injecting {} into {}", fault.wireName(), operation);
        switch (fault) {
            case THROTTLE -> answer(exchange, WireResponse.error(DATA_PLANE.contains(operation)
                    ? AwsException.provisionedThroughputExceeded() : AwsException.throttling()));
            case INTERNAL_ERROR -> answer(exchange, WireResponse.internalError("Internal server error"));
            case LIMIT_EXCEEDED -> answer(exchange, WireResponse.error(AwsException.limitExceeded()));
            case DROP_CONNECTION -> {
                drain(exchange);
                // closing an exchange before its response headers are sent closes the connection itself
                exchange.close();
            }
            case SLOW_ACCEPT -> {
                sleep(rule.get().delay());
                chain.doFilter(exchange);
            }
            case LATENCY -> {
                exchange.setStreams(null, new DelayedOutput(exchange.getResponseBody(), rule.get().delay()));
                chain.doFilter(exchange);
            }
            default -> throw new IllegalStateException("Unhandled fault " + fault);
        }
    }

    private static void answer(HttpExchange exchange, WireResponse response) throws IOException {
        try (exchange) {
            drain(exchange);
            FrontHandler.send(exchange, response);
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void sleep(Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while injecting a delay", e);
        }
    }

    /** Holds the answer's body back: the handler has done its work, the client waits for the rest. */
    private static final class DelayedOutput extends FilterOutputStream {
        private final Duration delay;
        private boolean waited;

        DelayedOutput(OutputStream out, Duration delay) {
            super(out);
            this.delay = delay;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            waitOnce();
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            waitOnce();
            out.write(b);
        }

        @Override
        public void close() throws IOException {
            waitOnce();
            super.close();
        }

        private void waitOnce() throws IOException {
            if (!waited) {
                waited = true;
                sleep(delay);
            }
        }
    }
}
