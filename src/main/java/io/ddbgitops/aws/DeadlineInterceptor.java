package io.ddbgitops.aws;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

import java.time.Duration;

/**
 * Holds every call to the run's deadline: a call that would start after it fails at once (nothing is sent), and a
 * call that starts before it gets at most the time that is left as its API call timeout, so the SDK aborts it there. Both end as the SDK's
 * {@link ApiCallTimeoutException}.
 */
final class DeadlineInterceptor implements ExecutionInterceptor {
    private final Deadline deadline;
    private final Duration apiCallTimeout;

    DeadlineInterceptor(Deadline deadline, Duration apiCallTimeout) {
        this.deadline = deadline;
        this.apiCallTimeout = apiCallTimeout;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (deadline.passed()) {
            throw ApiCallTimeoutException.create(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " was not sent: "
                    + deadline.describe() + " has passed", null);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Duration left = deadline.cap(apiCallTimeout);
        if (left.equals(apiCallTimeout) || !(context.request() instanceof AwsRequest request)) {
            return context.request();
        }
        Duration bounded = left.isZero() ? Duration.ofMillis(1) : left;
        AwsRequestOverrideConfiguration config = request.overrideConfiguration()
                .map(c -> c.toBuilder().apiCallTimeout(bounded).build())
                .orElseGet(() -> AwsRequestOverrideConfiguration.builder().apiCallTimeout(bounded).build());
        return request.toBuilder().overrideConfiguration(config).build();
    }
}
