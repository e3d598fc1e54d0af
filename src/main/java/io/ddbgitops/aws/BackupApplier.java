package io.ddbgitops.aws;

import io.ddbgitops.backup.BackupNames;
import io.ddbgitops.backup.BackupPolicy;
import io.ddbgitops.backup.BackupRecord;
import io.ddbgitops.backup.BackupRun;
import io.ddbgitops.backup.PitrWindow;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a table's backup plan: takes the scheduled backup that is due, removes a duplicate an overlapping run
 * made for the same fire time, and applies retention, deleting only this tool's scheduled backups. Failures are
 * returned in the {@link BackupRun}, never thrown, so one table's backups cannot stop the others. Also takes the
 * safety backup that must be AVAILABLE before a destructive change.
 */
public final class BackupApplier {
    private static final Logger LOG = LoggerFactory.getLogger(BackupApplier.class);

    private final DynamoDbClients clients;
    private final BackupReader reader = new BackupReader();
    private final BackupWaiter waiter;

    public BackupApplier(DynamoDbClients clients) {
        this.clients = clients;
        this.waiter = new BackupWaiter(clients.settings().waitTimeout(), Duration.ofMillis(250));
    }

    /** With {@code apply}, takes and deletes backups; without, only reports what is due and what would expire. */
    public BackupRun run(TableManifest manifest, Instant now, boolean apply) {
        return run(manifest, now, apply, Optional.empty(), Optional.empty());
    }

    /**
     * The same, with what the run already knows: the table's point-in-time recovery window when the live read just
     * answered it (and nothing changed it since), and the region's listing of backups, read once for all tables.
     * Listings after this run's own backups are taken or deleted are the table's own, fresh.
     */
    public BackupRun run(TableManifest manifest, Instant now, boolean apply, Optional<PitrWindow> knownPitr,
                         Optional<RegionListings> listings) {
        TableId id = manifest.tableId();
        DynamoDbClient client = clients.forTable(id);
        Optional<PitrWindow> pitr = knownPitr.isPresent() ? knownPitr : readPitr(client, id);
        List<String> failures = new ArrayList<>();
        List<BackupRecord> backups;
        try {
            backups = listings.isPresent() ? listings.get().backups(Placement.of(id), id.tableName())
                    : reader.list(client, Optional.of(id.tableName()));
        } catch (SdkException e) {
            failures.add("cannot list backups: " + AwsErrors.failure(e));
            return new BackupRun(pitr, List.of(), Optional.empty(), List.of(), Optional.empty(), failures);
        }
        BackupPolicy.BackupDecision decision;
        try {
            decision = BackupPolicy.decide(id.tableName(), manifest.options().backup(), backups, now);
        } catch (IllegalArgumentException badSchedule) {
            failures.add(badSchedule.getMessage());
            return new BackupRun(pitr, backups, Optional.empty(), List.of(), Optional.empty(), failures);
        }
        if (!apply) {
            return new BackupRun(pitr, backups, decision.due().map(BackupPolicy.ScheduledBackup::name),
                    decision.expired().stream().map(BackupRecord::name).toList(), decision.nextDue(), failures);
        }
        Optional<String> taken = Optional.empty();
        List<String> deleted = new ArrayList<>();
        try {
            if (decision.due().isPresent()) {
                taken = take(client, id, decision.due().get().name(), failures);
                backups = reader.list(client, Optional.of(id.tableName()));
            }
            Optional<Integer> retain = manifest.options().backup().retain();
            if (retain.isPresent()) {
                BackupPolicy.expired(id.tableName(), backups, retain.get()).forEach(b ->
                        delete(client, id, b, "retention", failures).ifPresent(deleted::add));
            }
            if (!deleted.isEmpty()) {
                backups = reader.list(client, Optional.of(id.tableName()));
            }
        } catch (SdkException e) {
            failures.add("backups: " + AwsErrors.failure(e));
        }
        return new BackupRun(pitr, backups, taken, deleted, decision.nextDue(), failures);
    }

    /**
     * Takes a backup before a destructive change and waits (bounded, progress logged) until it is AVAILABLE.
     * Throws {@link SafetyBackupException} when it cannot: the caller must then not make the change.
     */
    public String safetyBackup(DynamoDbClient client, TableId id, String reason, Instant now) {
        String name = BackupNames.safety(id.tableName(), now);
        LOG.info("{}: taking safety backup {} before {}", id, name, reason);
        try {
            String arn = client.createBackup(r -> r.tableName(id.tableName()).backupName(name))
                    .backupDetails().backupArn();
            waiter.awaitAvailable(client, arn);
            LOG.info("{}: safety backup {} is AVAILABLE", id, name);
            return arn;
        } catch (SdkException | BackupWaiter.BackupNotAvailableException e) {
            throw new SafetyBackupException("safety backup of " + id + " before " + reason + " failed, so the change"
                    + " was not made: " + AwsErrors.describe(e), e);
        }
    }

    private Optional<String> take(DynamoDbClient client, TableId id, String name, List<String> failures) {
        LOG.info("{}: taking scheduled backup {}", id, name);
        try {
            client.createBackup(r -> r.tableName(id.tableName()).backupName(name));
        } catch (SdkException e) {
            failures.add("backup " + name + " failed: " + AwsErrors.failure(e));
            return Optional.empty();
        }
        // an overlapping run may have taken the same fire time's backup: all runs keep the oldest of the name
        List<BackupRecord> twins = BackupPolicy.duplicates(id.tableName(),
                reader.list(client, Optional.of(id.tableName()))).stream()
                .filter(b -> b.name().equals(name)).toList();
        for (BackupRecord twin : twins) {
            delete(client, id, twin, "duplicate of an overlapping run", failures);
        }
        return Optional.of(name);
    }

    private Optional<String> delete(DynamoDbClient client, TableId id, BackupRecord backup, String why,
                                    List<String> failures) {
        LOG.info("{}: deleting backup {} ({})", id, backup.name(), why);
        try {
            if (backup.creating()) {
                waiter.awaitAvailable(client, backup.arn());
            }
            client.deleteBackup(r -> r.backupArn(backup.arn()));
            return Optional.of(backup.name());
        } catch (BackupNotFoundException alreadyGone) {
            return Optional.of(backup.name());
        } catch (SdkException | BackupWaiter.BackupNotAvailableException e) {
            failures.add("deleting backup " + backup.name() + " failed: " + AwsErrors.failure(e));
            return Optional.empty();
        }
    }

    private Optional<PitrWindow> readPitr(DynamoDbClient client, TableId id) {
        try {
            return Optional.of(reader.pitr(client, id.tableName()));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            if (!AwsErrors.describe(e).startsWith("TableNotFoundException")) {
                LOG.warn("{}: cannot read point-in-time recovery: {}", id, AwsErrors.describe(e));
            }
            return Optional.empty();
        }
    }
}
