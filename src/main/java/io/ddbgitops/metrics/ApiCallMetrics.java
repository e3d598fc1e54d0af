package io.ddbgitops.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every SDK call (one per operation, however many attempts the SDK's retry strategy made) and the calls that
 * still failed throttled after those retries, by service and operation name as the SDK knows them.
 */
final class ApiCallMetrics implements ExecutionInterceptor {
    private final Counter calls;
    private final Counter throttles;

    ApiCallMetrics(Counter calls, Counter throttles) {
        this.calls = calls;
        this.throttles = throttles;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.labelValues(service(attributes), operation(attributes)).inc();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof AwsServiceException e && e.isThrottlingException()) {
            throttles.labelValues(service(attributes), operation(attributes)).inc();
        }
    }

    private static String service(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return name == null ? "unknown" : name;
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "unknown" : name;
    }
}
