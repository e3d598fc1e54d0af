package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Takes an on-demand backup before a destructive change and waits until it is AVAILABLE: the change only goes
 * ahead once the data is safe. Bounded; progress logged.
 */
final class SafetyBackups {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String MARKER = "-ddbgitops-safety-";

    private final Duration timeout;

    SafetyBackups(Duration timeout) {
        this.timeout = timeout;
    }

    String take(DynamoDbClient client, TableId id, String reason) {
        String name = truncate(id.tableName(), 200) + MARKER + STAMP.format(Instant.now());
        String arn = client.createBackup(r -> r.tableName(id.tableName()).backupName(name)).backupDetails().backupArn();
        LOG.info("{}: safety backup {} ({})", id, name, reason);
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            BackupStatus status = client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails()
                    .backupStatus();
            if (status == BackupStatus.AVAILABLE) {
                return arn;
            }
            if (status == BackupStatus.DELETED || Instant.now().isAfter(deadline)) {
                throw new SafetyBackupException("safety backup " + name + " is " + status
                        + "; the destructive change was not made");
            }
            pause();
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SafetyBackupException("interrupted while waiting for a safety backup");
        }
    }

    static final class SafetyBackupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SafetyBackupException(String message) {
            super(message);
        }
    }
}
