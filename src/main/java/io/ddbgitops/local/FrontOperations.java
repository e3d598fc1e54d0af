package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Set;

/** The operations the front answers itself, dispatched by name. */
final class FrontOperations {
    private static final Set<String> HANDLED = Set.of("UpdateContinuousBackups", "DescribeContinuousBackups",
            "CreateBackup", "DescribeBackup", "ListBackups", "DeleteBackup", "RestoreTableFromBackup",
            "TagResource", "UntagResource", "ListTagsOfResource");

    private final FrontState state;
    private final TagOperations tags;
    private final ContinuousBackupOperations continuousBackups;
    private final BackupOperations backups;
    private final BackupListing listing;
    private final RestoreOperation restore;

    FrontOperations(FrontState state, Engine engine, Clock clock) {
        TableItems items = new TableItems(engine);
        this.state = state;
        this.tags = new TagOperations(state, engine);
        this.continuousBackups = new ContinuousBackupOperations(state, engine, clock);
        this.backups = new BackupOperations(state, engine, items, clock);
        this.listing = new BackupListing(state);
        this.restore = new RestoreOperation(state, engine, items, clock);
    }

    boolean handles(String operation) {
        return HANDLED.contains(operation);
    }

    WireResponse answer(String operation, String region, ObjectNode request) {
        return switch (operation) {
            case "UpdateContinuousBackups" -> continuousBackups.update(region, request);
            case "DescribeContinuousBackups" -> continuousBackups.describe(region, request);
            case "CreateBackup" -> backups.create(region, request);
            case "DescribeBackup" -> backups.describe(request);
            case "ListBackups" -> listing.list(region, request);
            case "DeleteBackup" -> backups.delete(request);
            case "RestoreTableFromBackup" -> restore.restore(region, request);
            case "TagResource" -> tags.tag(region, request);
            case "UntagResource" -> tags.untag(region, request);
            case "ListTagsOfResource" -> tags.list(region, request);
            default -> throw AwsException.unknownOperation(operation);
        };
    }

    TagOperations tags() {
        return tags;
    }

    void forgetTable(TableKey table) {
        state.forgetTable(table);
    }
}
