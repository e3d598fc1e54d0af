package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * RestoreTableFromBackup: creates the target table in DynamoDB Local with the backup's schema (or the request's
 * overrides) and writes the backup's items into it before answering, so the table is complete once it exists.
 */
final class RestoreOperation {
    private final FrontState state;
    private final Engine engine;
    private final TableItems items;
    private final Clock clock;

    RestoreOperation(FrontState state, Engine engine, TableItems items, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.items = items;
        this.clock = clock;
    }

    WireResponse restore(String region, ObjectNode request) {
        String arn = Json.requiredText(request, "BackupArn");
        TableKey target = new TableKey(region, Json.requiredText(request, "TargetTableName"));
        Backup backup = state.backup(arn).orElseThrow(() -> AwsException.backupNotFound(arn));
        if (!backup.available()) {
            throw AwsException.backupInUse(arn);
        }
        if (engine.describeTable(region, target.table()).isPresent()) {
            throw AwsException.tableAlreadyExists(target.table());
        }
        engine.call(region, "CreateTable",
                TableDefinitions.createTableRequest(backup.sourceTable(), target.table(), request));
        items.writeAll(target, backup.items());
        ObjectNode description = engine.describeTable(region, target.table())
                .orElseThrow(() -> AwsException.tableNotFound(target.table()));
        TableDescriptions.fix(description, region);
        ObjectNode summary = description.putObject("RestoreSummary")
                .put("SourceBackupArn", backup.arn())
                .put("SourceTableArn", backup.tableArn())
                .put("RestoreInProgress", false);
        summary.set("RestoreDateTime", TableDescriptions.seconds(clock.millis() / 1000.0));
        return WireResponse.ok(Json.object().set("TableDescription", description));
    }
}
