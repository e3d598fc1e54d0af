package io.ddbgitops.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;

import java.time.Duration;
import java.time.Instant;

/** Waits until a backup is AVAILABLE. Bounded: logs progress every 30 seconds and gives up at the timeout. */
final class BackupWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(BackupWaiter.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Duration pollInterval;

    BackupWaiter(Duration timeout, Duration pollInterval) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    BackupDetails awaitAvailable(DynamoDbClient client, String backupArn) {
        Instant start = Instant.now();
        Instant nextProgress = start.plus(PROGRESS_EVERY);
        while (true) {
            BackupDetails details = client.describeBackup(r -> r.backupArn(backupArn)).backupDescription().backupDetails();
            if (details.backupStatus() == BackupStatus.AVAILABLE) {
                return details;
            }
            if (details.backupStatus() == BackupStatus.DELETED) {
                throw new BackupNotAvailableException("backup " + details.backupName() + " was deleted while we waited"
                        + " for it to become AVAILABLE");
            }
            Instant now = Instant.now();
            Duration waited = Duration.between(start, now);
            if (waited.compareTo(timeout) >= 0) {
                throw new BackupNotAvailableException("backup " + details.backupName() + " is still "
                        + details.backupStatusAsString() + " after " + waited.toSeconds()
                        + "s; gave up waiting for AVAILABLE (limit " + timeout.toSeconds() + "s)");
            }
            if (now.isAfter(nextProgress)) {
                LOG.info("backup {}: waiting for AVAILABLE, status {} after {}s", details.backupName(),
                        details.backupStatusAsString(), waited.toSeconds());
                nextProgress = now.plus(PROGRESS_EVERY);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a backup", e);
            }
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
