package io.ddbgitops.aws;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to reach DynamoDB. With an endpoint (the local endpoint or another DynamoDB-compatible server) the SDK's
 * default credential chain is still tried first, and placeholder credentials are used when it finds none:
 * such endpoints do not check them. Without an endpoint, the SDK's default chains are used as every AWS tool does.
 * {@code timeouts} bound every call; {@code deadline} bounds the whole run.
 */
public record AwsSettings(Optional<URI> endpoint, Duration waitTimeout, List<ExecutionInterceptor> interceptors,
                          CallTimeouts timeouts, Deadline deadline) {
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);

    public AwsSettings {
        interceptors = List.copyOf(interceptors);
    }

    public static AwsSettings aws() {
        return new AwsSettings(Optional.empty(), DEFAULT_WAIT, List.of(), CallTimeouts.DEFAULTS, Deadline.none());
    }

    public static AwsSettings endpoint(URI endpoint) {
        return new AwsSettings(Optional.of(endpoint), DEFAULT_WAIT, List.of(), CallTimeouts.DEFAULTS, Deadline.none());
    }

    public AwsSettings withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.add(interceptor);
        return new AwsSettings(endpoint, waitTimeout, all, timeouts, deadline);
    }

    public AwsSettings withWaitTimeout(Duration timeout) {
        return new AwsSettings(endpoint, timeout, interceptors, timeouts, deadline);
    }

    public AwsSettings withTimeouts(CallTimeouts callTimeouts) {
        return new AwsSettings(endpoint, waitTimeout, interceptors, callTimeouts, deadline);
    }

    public AwsSettings withDeadline(Deadline runDeadline) {
        return new AwsSettings(endpoint, waitTimeout, interceptors, timeouts, runDeadline);
    }

    /**
     * Bounds on one API call. DynamoDB answers control-plane and single-item calls in well under a second; without
     * these an endpoint that accepts a connection and never answers held a call for 9 attempts × the HTTP client's
     * 30 s read timeout. {@code connect}: TCP connect; {@code read}: silence on an open socket; {@code attempt}: one
     * HTTP attempt; {@code apiCall}: the call with all its retries.
     */
    public record CallTimeouts(Duration connect, Duration read, Duration attempt, Duration apiCall) {
        public static final CallTimeouts DEFAULTS = new CallTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(25), Duration.ofSeconds(90));
    }
}
