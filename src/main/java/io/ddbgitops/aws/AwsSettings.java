package io.ddbgitops.aws;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach DynamoDB. With an endpoint (the local endpoint or another DynamoDB-compatible server) the SDK's
 * default credential chain is still tried first, and placeholder credentials are used when it finds none:
 * such endpoints do not check them. Without an endpoint, the SDK's default chains are used as every AWS tool does.
 */
public record AwsSettings(Optional<URI> endpoint, Duration waitTimeout, List<ExecutionInterceptor> interceptors) {
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);

    public AwsSettings {
        interceptors = List.copyOf(interceptors);
    }

    public static AwsSettings aws() {
        return new AwsSettings(Optional.empty(), DEFAULT_WAIT, List.of());
    }

    public static AwsSettings endpoint(URI endpoint) {
        return new AwsSettings(Optional.of(endpoint), DEFAULT_WAIT, List.of());
    }

    public AwsSettings withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> all = new java.util.ArrayList<>(interceptors);
        all.add(interceptor);
        return new AwsSettings(endpoint, waitTimeout, all);
    }

    public AwsSettings withWaitTimeout(Duration timeout) {
        return new AwsSettings(endpoint, timeout, interceptors);
    }
}
