package io.ddbgitops.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until a backup is AVAILABLE, on the SDK's waiter (DynamoDB has no generated backup waiter). Bounded: logs
 * progress every 30 seconds and gives up at the timeout; a backup deleted meanwhile ends the wait at once.
 */
final class BackupWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(BackupWaiter.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    private static final Waiter<BackupDetails> AVAILABLE = Waiter.builder(BackupDetails.class)
            .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(d -> d.backupStatus() == BackupStatus.AVAILABLE))
            .addAcceptor(WaiterAcceptor.errorOnResponseAcceptor(d -> d.backupStatus() == BackupStatus.DELETED,
                    "deleted"))
            .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(d -> true))
            .build();

    private final Duration timeout;
    private final Duration pollInterval;

    BackupWaiter(Duration timeout, Duration pollInterval) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    BackupDetails awaitAvailable(DynamoDbClient client, String backupArn) {
        Instant start = Instant.now();
        AtomicReference<Instant> nextProgress = new AtomicReference<>(start.plus(PROGRESS_EVERY));
        AtomicReference<BackupDetails> last = new AtomicReference<>();
        WaiterOverrideConfiguration config = WaiterOverrideConfiguration.builder().waitTimeout(timeout)
                .maxAttempts(Integer.MAX_VALUE).backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                .build();
        try {
            return AVAILABLE.run(() -> {
                BackupDetails details = client.describeBackup(r -> r.backupArn(backupArn)).backupDescription()
                        .backupDetails();
                last.set(details);
                Instant now = Instant.now();
                if (now.isAfter(nextProgress.get())) {
                    LOG.info("backup {}: waiting for AVAILABLE, status {} after {}s", details.backupName(),
                            details.backupStatusAsString(), Duration.between(start, now).toSeconds());
                    nextProgress.set(now.plus(PROGRESS_EVERY));
                }
                return details;
            }, config).matched().response().orElseThrow();
        } catch (SdkClientException e) {
            if (e.getCause() instanceof SdkException cause) {
                throw cause;
            }
            String name = last.get() == null ? backupArn : last.get().backupName();
            if (last.get() != null && last.get().backupStatus() == BackupStatus.DELETED) {
                throw new BackupNotAvailableException("backup " + name + " was deleted while we waited for it to"
                        + " become AVAILABLE");
            }
            throw new BackupNotAvailableException("backup " + name + " is still "
                    + (last.get() == null ? "unknown" : last.get().backupStatusAsString()) + " after "
                    + Duration.between(start, Instant.now()).toSeconds() + "s; gave up waiting for AVAILABLE (limit "
                    + timeout.toSeconds() + "s)");
        }
    }

    /** A backup did not become AVAILABLE in time, or vanished. */
    static final class BackupNotAvailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BackupNotAvailableException(String message) {
            super(message);
        }
    }
}
