package io.ddbgitops.aws;

import io.ddbgitops.backup.BackupRecord;
import io.ddbgitops.backup.PitrWindow;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads on-demand backups and point-in-time recovery windows. Read-only: List* and Describe* calls. */
public final class BackupReader {
    /** The user backups of one table, or of the whole region when {@code table} is empty; every page. */
    public List<BackupRecord> list(DynamoDbClient client, Optional<String> table) {
        List<BackupRecord> backups = new ArrayList<>();
        String next = null;
        do {
            String start = next;
            ListBackupsResponse page = client.listBackups(r -> {
                r.backupType(BackupTypeFilter.USER).exclusiveStartBackupArn(start);
                table.ifPresent(r::tableName);
            });
            page.backupSummaries().forEach(s -> backups.add(record(s)));
            next = page.lastEvaluatedBackupArn();
        } while (next != null);
        return backups;
    }

    public PitrWindow pitr(DynamoDbClient client, String table) {
        return window(client.describeContinuousBackups(r -> r.tableName(table))
                .continuousBackupsDescription().pointInTimeRecoveryDescription());
    }

    /** The window a DescribeContinuousBackups answered (null: none). */
    static PitrWindow window(PointInTimeRecoveryDescription pitr) {
        if (pitr == null || pitr.pointInTimeRecoveryStatus() != PointInTimeRecoveryStatus.ENABLED) {
            return PitrWindow.disabled();
        }
        return new PitrWindow(true, Optional.ofNullable(pitr.earliestRestorableDateTime()),
                Optional.ofNullable(pitr.latestRestorableDateTime()));
    }

    private static BackupRecord record(BackupSummary s) {
        return new BackupRecord(s.backupArn(), s.backupName(), s.tableName(), s.backupStatusAsString(),
                s.backupCreationDateTime());
    }
}
