package io.ddbgitops.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.time.Duration;

/**
 * The one retry policy of every DynamoDB call: the SDK's adaptive strategy (AWS's throttling and transient error
 * codes, a client-side rate limiter that slows down under throttling, a retry-token bucket), bounded and with full
 * jitter. No hand-written retry loops elsewhere.
 *
 * <ul>
 *   <li>Throttling ({@code ThrottlingException}, {@code ProvisionedThroughputExceededException}, …), 5xx and
 *       connection errors are retried, at most {@link #MAX_ATTEMPTS} attempts per call, each call also bounded by
 *       {@link AwsSettings.CallTimeouts}. Error retries and exponential back-off:
 *       https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html#Programming.Errors.RetryAndBackoff
 *       and the SDKs' retry modes: https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 *       (both checked 2026-12-01).</li>
 *   <li>{@code ContinuousBackupsUnavailableException} ("backups are being enabled" right after a table is created)
 *       is transient, so it is retried too; so is Application Auto Scaling's {@code ConcurrentUpdateException} (another
 *       change to the same scalable target is pending:
 *       https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html, checked
 *       2026-12-01).</li>
 *   <li>{@code LimitExceededException} is a quota refusal (500 simultaneous table operations per account, the
 *       daily throughput-decrease budget, …:
 *       https://docs.aws.amazon.com/botocore/latest/reference/services/dynamodb/client/exceptions/LimitExceededException.html,
 *       checked 2026-12-01): retrying within seconds does not help, so it is never retried; the table is reported
 *       blocked and the next run tries again.</li>
 *   <li>{@code ResourceInUseException} is never retried blindly: on CreateTable it means the table exists (the run
 *       re-reads it), on UpdateTable the applier waits for ACTIVE and tries once more.</li>
 * </ul>
 */
public final class Retries {
    /**
     * DynamoDB's own SDK default is 9 attempts; 8 keeps a call that meets 30 % failing requests from giving up more
     * than once in ~15,000 calls (0.3^8), while the call and attempt timeouts bound how long it may take.
     */
    public static final int MAX_ATTEMPTS = 8;
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(5);
    private static final Duration THROTTLING_BASE = Duration.ofMillis(500);
    private static final Duration THROTTLING_CAP = Duration.ofSeconds(10);

    private static final java.util.Set<String> TRANSIENT_REFUSALS = java.util.Set.of(
            "ContinuousBackupsUnavailableException", "ConcurrentUpdateException");

    private Retries() {}

    /** A new strategy per client: the adaptive rate limiter's state belongs to one client (one region). */
    public static RetryStrategy strategy() {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE, CAP))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLING_BASE, THROTTLING_CAP))
                .retryOnException(Retries::transientRefusal)
                .useClientDefaults(false)
                .build();
    }

    private static boolean transientRefusal(Throwable e) {
        return e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && TRANSIENT_REFUSALS.contains(aws.awsErrorDetails().errorCode());
    }
}
