package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** CreateBackup, DescribeBackup, DeleteBackup: on-demand backups that hold the table's items. */
final class BackupOperations {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private final FrontState state;
    private final Engine engine;
    private final TableItems items;
    private final Clock clock;

    BackupOperations(FrontState state, Engine engine, TableItems items, Clock clock) {
        this.state = state;
        this.engine = engine;
        this.items = items;
        this.clock = clock;
    }

    WireResponse create(String region, ObjectNode request) {
        String backupName = validName("backupName", Json.requiredText(request, "BackupName"));
        TableKey table = TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
        validName("tableName", table.table());
        ObjectNode description = engine.describeTable(table.region(), table.table())
                .orElseThrow(() -> AwsException.tableNotFound(table.table()));
        TableDescriptions.fix(description, table.region());
        long millis = clock.millis();
        Backup creating = new Backup(arn(table, millis), backupName, table.region(), table.table(), Backup.CREATING,
                millis / 1000.0, 0, description, List.of(), Backup.USER);
        state.putBackup(creating);
        Backup done;
        try {
            List<JsonNode> scanned = items.scanAll(table);
            done = creating.completed(scanned, scanned.stream().mapToLong(i -> Json.bytes(i).length).sum());
        } catch (RuntimeException e) {
            state.removeBackup(creating);
            throw e;
        }
        state.putBackup(done);
        return WireResponse.ok(Json.object().set("BackupDetails", BackupDescriptions.details(done)));
    }

    /**
     * Deleting a table with PITR on leaves a system backup named {@code <table>$DeletedTableBackup} of the table as it
     * was just before the deletion, kept for 35 days
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html, "Delete
     * a table with PITR enabled", and pointintimerecovery_beforeyoubegin.html, checked 2026-12-01).
     */
    void createSystemBackup(TableKey table, ObjectNode description, List<JsonNode> tableItems) {
        ObjectNode source = description.deepCopy();
        TableDescriptions.fix(source, table.region());
        long millis = clock.millis();
        state.putBackup(new Backup(arn(table, millis), table.table() + "$DeletedTableBackup", table.region(),
                table.table(), Backup.AVAILABLE, millis / 1000.0,
                tableItems.stream().mapToLong(i -> Json.bytes(i).length).sum(), source, tableItems, Backup.SYSTEM));
    }

    private static String arn(TableKey table, long millis) {
        return table.arn() + "/backup/" + String.format("%013d", millis) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    WireResponse describe(ObjectNode request) {
        Backup backup = existing(request);
        return WireResponse.ok(Json.object().set("BackupDescription", BackupDescriptions.full(backup)));
    }

    WireResponse delete(ObjectNode request) {
        Backup backup = existing(request);
        if (!backup.available()) {
            throw AwsException.backupInUse(backup.arn());
        }
        state.removeBackup(backup);
        ObjectNode description = BackupDescriptions.full(backup);
        ((ObjectNode) description.get("BackupDetails")).put("BackupStatus", "DELETED");
        return WireResponse.ok(Json.object().set("BackupDescription", description));
    }

    private Backup existing(ObjectNode request) {
        String arn = Json.requiredText(request, "BackupArn");
        return state.backup(arn).orElseThrow(() -> AwsException.backupNotFound(arn));
    }

    private static String validName(String field, String value) {
        if (!NAME.matcher(value).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                    + " [a-zA-Z0-9_.-]+ and have length between 3 and 255");
        }
        return value;
    }
}
