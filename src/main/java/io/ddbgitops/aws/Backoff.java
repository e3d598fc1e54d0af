package io.ddbgitops.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Bounded exponential back-off with full jitter for the errors the SDK's own retries do not cover: a table busy with
 * another update, and PITR that is briefly unavailable after a table is created. A quota refusal
 * (LimitExceededException) is not retried: it is reported as blocked ({@link QuotaRefusals}).
 */
final class Backoff {
    private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);
    // ConcurrentUpdateException: Application Auto Scaling is busy with another change to the same target.
    private static final Set<String> RETRYABLE = Set.of(
            "ResourceInUseException", "ContinuousBackupsUnavailableException",
            "ThrottlingException", "ProvisionedThroughputExceededException", "ConcurrentUpdateException");

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;

    Backoff(int maxAttempts, Duration base, Duration cap) {
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
    }

    static Backoff standard() {
        return new Backoff(8, Duration.ofMillis(200), Duration.ofSeconds(20));
    }

    <T> T run(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
                if (!RETRYABLE.contains(code) || attempt >= maxAttempts) {
                    throw e;
                }
                long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 16));
                long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
                LOG.info("{} (attempt {} of {}); retrying in {} ms", code, attempt, maxAttempts, delay);
                sleep(delay);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during back-off", e);
        }
    }
}
