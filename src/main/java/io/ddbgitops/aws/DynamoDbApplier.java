package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Action;
import io.ddbgitops.plan.ApplyProgress;
import io.ddbgitops.plan.TablePlanner;
import io.ddbgitops.plan.TablePlan;
import io.ddbgitops.plan.imports.ImportFamily;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import io.ddbgitops.plan.settings.SettingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out a {@link TablePlan}'s actions in order: one UpdateTable in flight per table, waiting for the table
 * and its indexes to be ACTIVE before and after each one. Unless asked to wait, long work (an index backfill, a
 * replica, a table-class or SSE update) is started and left running: the UpdateTable calls after it are left for the
 * next run, which finds the table busy or done. A quota refusal blocks only its own action. A failure stops this
 * table's remaining actions and is returned, never thrown, so one table cannot stop the others.
 */
public final class DynamoDbApplier {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbApplier.class);

    private final DynamoDbClients clients;
    private final TableWaiter waiter;
    private final Deadline deadline;
    private final BackupApplier backups;
    private final AutoScalingApplier scaling;
    private final ControlPlaneSlots slots;
    private final TableImporter importer;

    public DynamoDbApplier(DynamoDbClients clients) {
        this.clients = clients;
        this.slots = clients.controlPlane();
        this.deadline = clients.settings().deadline();
        this.waiter = new TableWaiter(clients.settings().waitTimeout(), Duration.ofMillis(250), deadline);
        this.backups = new BackupApplier(clients);
        this.scaling = new AutoScalingApplier(clients);
        this.importer = new TableImporter(clients.settings().waitTimeout(), deadline,
                BackoffStrategy.exponentialDelayWithoutJitter(Duration.ofMillis(250), Duration.ofSeconds(20)));
    }

    public ApplyOutcome apply(TablePlan plan) {
        return apply(plan.manifest().tableId(), plan.actions(), true);
    }

    public ApplyOutcome apply(TablePlan plan, boolean waitForLongWork) {
        return apply(plan.manifest().tableId(), plan.actions(), waitForLongWork);
    }

    /** Runs actions on one table in order, waiting for all long work; stops at the first failure. */
    public ApplyOutcome apply(TableId id, List<Action> actions) {
        return apply(id, actions, true);
    }

    /**
     * Runs actions on one table in order; stops at the first failure. A CreateTable (or restore) that finds the table
     * already made ends with {@code tableExists}, so the caller re-reads it. After the run's deadline no action starts.
     */
    public ApplyOutcome apply(TableId id, List<Action> actions, boolean waitForLongWork) {
        DynamoDbClient client = clients.forTable(id);
        List<Action> done = new ArrayList<>();
        List<Action> started = new ArrayList<>();
        List<Action> pending = new ArrayList<>();
        List<ApplyProgress.Refusal> refused = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        java.util.Map<String, String> recorded = new java.util.TreeMap<>();
        boolean busy = false;
        for (Action action : actions) {
            if (deadline.passed()) {
                String reason = "timed out: " + action.describe() + " was not started before " + deadline.describe()
                        + "; the next run continues from here";
                LOG.error("{}: {}", id, reason);
                return new ApplyOutcome(done, Optional.of(reason), new ApplyProgress(started, pending, refused, notes, recorded));
            }
            if (busy && TablePlanner.needsActiveTable(action)) {
                LOG.info("{}: {} waits for a later run (long work in progress)", id, action.describe());
                pending.add(action);
                continue;
            }
            boolean leaveRunning = !waitForLongWork && TablePlanner.isLongWork(action);
            if (leaveRunning && !slots.tryAcquireLeftRunning(Placement.of(id))) {
                LOG.info("{}: {} waits for a later run ({} table operations already in flight in {})", id,
                        action.describe(), slots.inFlight(Placement.of(id)), Placement.of(id));
                pending.add(action);
                busy = true;
                continue;
            }
            LOG.info("{}: {}", id, action.describe());
            try {
                execute(client, id, action, leaveRunning, notes, recorded);
                done.add(action);
                if (leaveRunning && !waiter.isSettled(client, id)) {
                    started.add(action);
                    busy = true;
                } else if (leaveRunning) {
                    slots.releaseLeftRunning(Placement.of(id));
                }
            } catch (RuntimeException e) {
                if (leaveRunning) {
                    slots.releaseLeftRunning(Placement.of(id));
                }
                ApplyProgress progress = new ApplyProgress(started, pending, refused, notes, recorded);
                if (tableMadeMeanwhile(action, e)) {
                    String reason = action.describe() + ": the table was made meanwhile (" + AwsErrors.describe(e) + ")";
                    LOG.warn("{}: {}", id, reason);
                    return new ApplyOutcome(done, Optional.of(reason), progress, true);
                }
                if (!QuotaRefusals.isQuotaRefusal(e)) {
                    String reason = failure(action, e);
                    LOG.error("{}: {}", id, reason);
                    return new ApplyOutcome(done, Optional.of(reason), progress);
                }
                LOG.warn("{}: {} refused by an AWS quota: {}", id, action.describe(), AwsErrors.describe(e));
                refused.add(new ApplyProgress.Refusal(action, AwsErrors.describe(e) + "; " + AwsErrors.nextRun(e)));
            }
        }
        return new ApplyOutcome(done, Optional.empty(), new ApplyProgress(started, pending, refused, notes, recorded));
    }

    private static boolean tableMadeMeanwhile(Action action, RuntimeException e) {
        boolean creating = action instanceof Action.CreateTable || action instanceof Action.RestoreTable
                || action instanceof Action.ImportTable;
        String code = AwsErrors.code(e);
        return creating && (code.equals("ResourceInUseException") || code.equals("TableAlreadyExistsException")
                || e instanceof RestoreException && e.getMessage().contains("already exists"));
    }

    /** The failure as the report says it: what failed, the error code, and what the next run does. */
    private String failure(Action action, RuntimeException e) {
        if (AwsErrors.timedOut(e) && deadline.passed()) {
            return "timed out: " + action.describe() + " did not finish before " + deadline.describe() + " ("
                    + AwsErrors.code(e) + "); the next run continues from here";
        }
        if (e instanceof ImportException) {
            return action.describe() + " failed: " + e.getMessage();
        }
        if (e instanceof SdkException || e instanceof TableWaiter.TableWaitTimeoutException
                || e instanceof SafetyBackupException || e instanceof RestoreException || e instanceof ImportException
                || e instanceof BackupWaiter.BackupNotAvailableException) {
            return action.describe() + " failed: " + AwsErrors.failure(e)
                    + StrongConsistencyRequests.hint(action, e).orElse("");
        }
        return action.describe() + " failed unexpectedly: " + AwsErrors.describe(e) + "; will retry on the next run";
    }

    // Java 17: no pattern matching for switch yet, so one instanceof chain.
    private void execute(DynamoDbClient client, TableId id, Action action, boolean leaveRunning, List<String> notes,
                         java.util.Map<String, String> recorded) {
        String table = id.tableName();
        if (action instanceof Action.CreateTable create) {
            var request = TableRequests.create(create);
            try (ControlPlaneSlots.Slot slot = slots.acquire(Placement.of(id), request.hasGlobalSecondaryIndexes()
                    || request.hasLocalSecondaryIndexes())) {
                // CreateTable answers with the table: only a table not ACTIVE yet is described again, while waiting
                if (!TableWaiter.settled(client.createTable(request).tableDescription())) {
                    waiter.awaitActive(client, id);
                }
            }
        } else if (action instanceof Action.RestoreTable restore) {
            try (ControlPlaneSlots.Slot slot = slots.acquire(Placement.of(id), false)) {
                restore(client, id, restore);
            }
        } else if (action instanceof Action.ImportTable imported) {
            importTable(client, id, imported, notes, recorded);
        } else if (action instanceof Action.UpdateThroughput update) {
            updateTable(client, id, t -> TableRequests.throughput(t, update));
        } else if (action instanceof Action.DeleteIndex delete) {
            updateTable(client, id, t -> TableRequests.deleteIndex(t, delete.indexName()));
        } else if (action instanceof Action.UpdateIndexThroughput update) {
            updateTable(client, id, t -> TableRequests.indexThroughput(t, update.throughput()));
        } else if (action instanceof Action.CreateIndex create) {
            updateTable(client, id, t -> TableRequests.createIndex(t, create), leaveRunning);
        } else if (action instanceof Action.SetStream stream) {
            updateTable(client, id, t -> UpdateTableRequest.builder().tableName(t)
                    .streamSpecification(stream.viewType()
                            .map(v -> StreamSpecification.builder().streamEnabled(true).streamViewType(v.name()).build())
                            .orElse(StreamSpecification.builder().streamEnabled(false).build()))
                    .build());
        } else if (action instanceof Action.SetDeletionProtection protection) {
            updateTable(client, id, t -> UpdateTableRequest.builder().tableName(t)
                    .deletionProtectionEnabled(protection.enabled()).build());
        } else if (action instanceof Action.SetTableClass tableClass) {
            updateTable(client, id, t -> UpdateTableRequest.builder().tableName(t)
                    .tableClass(tableClass.tableClass().name()).build(), leaveRunning);
        } else if (action instanceof Action.SetEncryption sse) {
            updateTable(client, id, t -> UpdateTableRequest.builder().tableName(t)
                    .sseSpecification(TableRequests.sse(sse.sse())).build(), leaveRunning);
        } else if (action instanceof Action.AddReplica add) {
            updateTable(client, id, t -> ReplicaRequests.create(t, add.replica()), leaveRunning);
        } else if (action instanceof Action.CreateStrongGlobalTable strong) {
            updateTable(client, id, t -> StrongConsistencyRequests.create(t, strong), leaveRunning);
        } else if (action instanceof Action.RemoveReplica remove) {
            updateTable(client, id, t -> UpdateTableRequest.builder().tableName(t)
                    .replicaUpdates(ReplicationGroupUpdate.builder().delete(d -> d.regionName(remove.region())).build())
                    .build());
        } else if (action instanceof Action.SetTimeToLive ttl) {
            try (ControlPlaneSlots.Slot slot = slots.acquire(Placement.of(id), false)) {
                client.updateTimeToLive(r -> r.tableName(table)
                        .timeToLiveSpecification(s -> s.attributeName(ttl.attribute()).enabled(ttl.enabled())));
            }
        } else if (action instanceof Action.UpdatePitr pitr) {
            client.updateContinuousBackups(r -> r.tableName(table)
                    .pointInTimeRecoverySpecification(s -> {
                        s.pointInTimeRecoveryEnabled(pitr.enabled());
                        pitr.recoveryPeriodDays().ifPresent(s::recoveryPeriodInDays);
                    }));
        } else if (action instanceof Action.TableSetting setting) {
            setting(client, id, setting.step());
        } else if (action instanceof Action.TagTable tag) {
            tag(client, table, tag.tags());
        } else if (action instanceof Action.UntagTable untag) {
            String arn = arn(client, table);
            client.untagResource(r -> r.resourceArn(arn).tagKeys(untag.keys()));
        } else if (action instanceof Action.DeleteTable) {
            waiter.awaitActive(client, id);
            try (ControlPlaneSlots.Slot slot = slots.acquire(Placement.of(id), false)) {
                client.deleteTable(r -> r.tableName(table));
                waiter.awaitGone(client, id);
            }
        } else if (action instanceof Action.AutoScaling step) {
            // A target can only be registered for a table or index that exists; ACTIVE also means no update runs.
            waiter.awaitActive(client, id);
            scaling.apply(id, step.step());
        } else if (action instanceof Action.Kinesis kinesis) {
            // enabling is long work the next run follows; the table itself must be ACTIVE to start it
            waiter.awaitActive(client, id);
            KinesisDestinations.apply(client, table, kinesis.step());
        } else if (action instanceof Action.ResourcePolicy policy) {
            // the policy names the table's ARN, which PutResourcePolicy needs ACTIVE behind it
            waiter.awaitActive(client, id);
            ResourcePolicies.apply(client, arn(client, table), policy.step());
        } else if (action instanceof Action.SafetyBackup backup) {
            backups.safetyBackup(client, id, backup.reason(), java.time.Instant.now());
        } else {
            throw new IllegalArgumentException("no applier for " + action);
        }
    }

    /** A setting family's step: its UpdateTable (one in flight, table settled around it) or its own call. */
    private void setting(DynamoDbClient client, TableId id, SettingStep step) {
        if (step instanceof SettingStep.SetWarmThroughput warm) {
            updateTable(client, id, t -> SettingRequests.warmThroughput(t, warm));
        } else if (step instanceof SettingStep.SetIndexCaps caps) {
            updateTable(client, id, t -> SettingRequests.indexCaps(t, caps));
        } else if (step instanceof SettingStep.UpdateReplica replica) {
            updateTable(client, id, t -> ReplicaRequests.update(t, replica.changes()));
        } else if (step instanceof SettingStep.SetContributorInsights insights) {
            if (insights.needsActiveTable()) {
                waiter.awaitActive(client, id);
            }
            client.updateContributorInsights(SettingRequests.insights(id.tableName(), insights));
        }
    }

    private void restore(DynamoDbClient client, TableId id, Action.RestoreTable restore) {
        TableManifest m = restore.manifest();
        new TableRestorer(clients.settings().waitTimeout()).restore(client, id, restore.source(),
                Optional.of(new TableRestorer.Capacity(m.options().billingMode(), m.readCapacity(), m.writeCapacity())),
                step -> LOG.info("{}: {}", id, step));
        tag(client, id.tableName(), restore.tags());
    }

    /**
     * ImportTable, then its wait; once AWS accepted it the import is recorded (its table is ours even if the wait ends
     * first), and once it completed the table is waited for and tagged, as a restore's is. Items the import could not
     * read fail the table after that, with AWS's count: the table and its imported items stay.
     */
    private void importTable(DynamoDbClient client, TableId id, Action.ImportTable action, List<String> notes,
                             java.util.Map<String, String> recorded) {
        TableImporter.Imported done;
        try {
            done = importer.run(client, id, action,
                    arn -> recorded.put(ImportFamily.FIELD, action.source().describe()));
        } catch (ImportException e) {
            if (!e.ended()) {
                throw e;
            }
            if (!waiter.exists(client, id)) {
                recorded.remove(ImportFamily.FIELD);
                throw e.and("; no table was left, so the next run imports again (fix the source first)");
            }
            waiter.awaitActive(client, id);
            ours(client, id, action, recorded);
            throw e.and("; AWS kept the table with the items that were imported, tagged as ours: the next run applies "
                    + "the rest of the manifest; the items it could not import are logged to CloudWatch Logs "
                    + "(/aws-dynamodb/imports) and are yours to fix");
        }
        notes.add(done.summary(action.source()));
        waiter.awaitActive(client, id);
        ours(client, id, action, recorded);
    }

    /** The imported table gets its tags, ownership first among them, as a created one does. */
    private void ours(DynamoDbClient client, TableId id, Action.ImportTable action,
                      java.util.Map<String, String> recorded) {
        tag(client, id.tableName(), action.tags());
        recorded.put(io.ddbgitops.plan.Fields.OWNER, action.manifest().id());
    }

    /**
     * One UpdateTable, with the table settled before and after it. A table still busy (another actor's update began
     * between our wait and our call: ResourceInUseException) is waited for once more and the update tried again; a
     * second refusal is the table's failure.
     */
    private void updateTable(DynamoDbClient client, TableId id, Function<String, UpdateTableRequest> request) {
        updateTable(client, id, request, false);
    }

    /**
     * One UpdateTable on a settled table; long work may be left running after it (its control-plane slot was taken by
     * the caller and stays taken). Otherwise the update holds a slot until the table is ACTIVE again; an update whose
     * answer already shows the table settled is not described again.
     */
    private void updateTable(DynamoDbClient client, TableId id, Function<String, UpdateTableRequest> request,
                             boolean leaveRunning) {
        waiter.awaitActive(client, id);
        try (ControlPlaneSlots.Slot slot = leaveRunning ? () -> { } : slots.acquire(Placement.of(id), false)) {
            TableDescription answered;
            try {
                answered = client.updateTable(request.apply(id.tableName())).tableDescription();
            } catch (ResourceInUseException busy) {
                LOG.info("{}: busy ({}); waiting for ACTIVE and trying once more", id, AwsErrors.describe(busy));
                waiter.awaitActive(client, id);
                answered = client.updateTable(request.apply(id.tableName())).tableDescription();
            }
            if (!leaveRunning && !TableWaiter.settled(answered)) {
                waiter.awaitActive(client, id);
            }
        }
    }

    private void tag(DynamoDbClient client, String table, java.util.Map<String, String> tags) {
        String arn = arn(client, table);
        client.tagResource(r -> r.resourceArn(arn).tags(TableRequests.tags(tags)));
    }

    private static String arn(DynamoDbClient client, String table) {
        return client.describeTable(r -> r.tableName(table)).table().tableArn();
    }

    /**
     * What happened to one table's actions: those done, a failure, and what was left running, pending or refused;
     * {@code tableExists} when a table to be made was found made meanwhile (the caller reads it again).
     */
    public record ApplyOutcome(List<Action> done, Optional<String> failure, ApplyProgress progress,
                               boolean tableExists) {
        public ApplyOutcome {
            done = List.copyOf(done);
        }

        public ApplyOutcome(List<Action> done, Optional<String> failure, ApplyProgress progress) {
            this(done, failure, progress, false);
        }

        /** What was done, as logs and reports say it. */
        public List<String> applied() {
            return done.stream().map(Action::describe).toList();
        }

        public boolean ok() {
            return failure.isEmpty();
        }
    }
}
