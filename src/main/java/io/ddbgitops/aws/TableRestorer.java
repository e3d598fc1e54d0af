package io.ddbgitops.aws;

import io.ddbgitops.backup.BackupRecord;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Creates a table from a backup (RestoreTableFromBackup) or from another table's point-in-time recovery
 * (RestoreTableToPointInTime), waits for ACTIVE, and puts billing and throughput back as asked, which AWS does not
 * carry over reliably. Never overwrites: a target that exists is refused before any write.
 */
public final class TableRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(TableRestorer.class);

    private final BackupReader backups = new BackupReader();
    private final TableWaiter waiter;

    public TableRestorer(Duration waitTimeout) {
        this.waiter = new TableWaiter(waitTimeout, Duration.ofMillis(250));
    }

    /** Billing and throughput the restored table must end up with. */
    public record Capacity(BillingMode billingMode, long read, long write) {}

    /** The restored table and where its data came from. */
    public record Restored(String tableArn, String source, String status) {}

    public Restored restore(DynamoDbClient client, TableId target, RestoreSpec source, Optional<Capacity> capacity,
                            Consumer<String> progress) {
        refuseExisting(client, target);
        String from;
        if (source instanceof RestoreSpec.FromBackup backup) {
            String arn = resolveBackupArn(client, target.region(), backup.backup());
            from = "backup " + arn;
            progress.accept("restoring " + target + " from " + from);
            client.restoreTableFromBackup(r -> {
                r.targetTableName(target.tableName()).backupArn(arn);
                capacity.ifPresent(c -> r.billingModeOverride(c.billingMode().name())
                        .provisionedThroughputOverride(throughput(c)));
            });
        } else {
            RestoreSpec.FromPointInTime pit = (RestoreSpec.FromPointInTime) source;
            from = "table " + pit.sourceTable() + " at " + pit.pointInTime().map(Object::toString).orElse("latest");
            progress.accept("restoring " + target + " from " + from);
            client.restoreTableToPointInTime(r -> {
                r.sourceTableName(pit.sourceTable()).targetTableName(target.tableName());
                pit.pointInTime().ifPresentOrElse(r::restoreDateTime, () -> r.useLatestRestorableTime(true));
                capacity.ifPresent(c -> r.billingModeOverride(c.billingMode().name())
                        .provisionedThroughputOverride(throughput(c)));
            });
        }
        progress.accept("waiting for " + target + " to be ACTIVE");
        TableDescription table = waiter.awaitActive(client, target);
        if (capacity.isPresent() && !matches(table, capacity.get())) {
            progress.accept("setting billing and throughput of " + target);
            client.updateTable(update(target, capacity.get()));
            table = waiter.awaitActive(client, target);
        }
        LOG.info("{}: restored from {}", target, from);
        return new Restored(table.tableArn(), from, table.tableStatusAsString());
    }

    /** An ARN as given; a name resolves to the newest AVAILABLE backup of that name in the region. */
    public String resolveBackupArn(DynamoDbClient client, String region, String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        return backups.list(client, Optional.empty()).stream()
                .filter(b -> b.name().equals(nameOrArn) && b.available())
                .max(Comparator.comparing(BackupRecord::createdAt).thenComparing(BackupRecord::arn))
                .map(BackupRecord::arn)
                .orElseThrow(() -> new RestoreException("no AVAILABLE backup named \"" + nameOrArn + "\" in "
                        + region));
    }

    private static void refuseExisting(DynamoDbClient client, TableId target) {
        try {
            client.describeTable(r -> r.tableName(target.tableName()));
        } catch (ResourceNotFoundException absent) {
            return;
        }
        throw new RestoreException("table " + target + " already exists; a restore never overwrites a table"
                + " (choose another target name, or delete the table first)");
    }

    private static boolean matches(TableDescription table, Capacity want) {
        boolean onDemand = table.billingModeSummary() != null
                && "PAY_PER_REQUEST".equals(table.billingModeSummary().billingModeAsString());
        if (want.billingMode() == BillingMode.PAY_PER_REQUEST) {
            return onDemand;
        }
        ProvisionedThroughputDescription live = table.provisionedThroughput();
        return !onDemand && live != null && live.readCapacityUnits() != null && live.readCapacityUnits() == want.read()
                && live.writeCapacityUnits() == want.write();
    }

    private static UpdateTableRequest update(TableId target, Capacity capacity) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder()
                .tableName(target.tableName()).billingMode(capacity.billingMode().name());
        if (capacity.billingMode() == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(capacity));
        }
        return request.build();
    }

    private static ProvisionedThroughput throughput(Capacity c) {
        return c.billingMode() == BillingMode.PROVISIONED
                ? ProvisionedThroughput.builder().readCapacityUnits(c.read()).writeCapacityUnits(c.write()).build()
                : null;
    }
}
