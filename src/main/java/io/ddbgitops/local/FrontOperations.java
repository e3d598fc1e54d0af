package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The operations the front answers itself, dispatched by name, and the parts of others it adds to. */
final class FrontOperations {
    private static final Set<String> HANDLED = Set.of("UpdateContinuousBackups", "DescribeContinuousBackups",
            "CreateBackup", "DescribeBackup", "ListBackups", "DeleteBackup", "RestoreTableFromBackup",
            "RestoreTableToPointInTime", "TagResource", "UntagResource", "ListTagsOfResource",
            "UpdateContributorInsights", "DescribeContributorInsights", "ListContributorInsights",
            "PutResourcePolicy", "GetResourcePolicy", "DeleteResourcePolicy",
            "EnableKinesisStreamingDestination", "UpdateKinesisStreamingDestination",
            "DisableKinesisStreamingDestination", "DescribeKinesisStreamingDestination",
            "ImportTable", "DescribeImport", "ListImports");

    private final FrontState state;
    private final PitrHistory history;
    private final TagOperations tags;
    private final ContinuousBackupOperations continuousBackups;
    private final BackupOperations backups;
    private final BackupListing listing;
    private final RestoreOperation restore;
    private final PointInTimeRestoreOperation pointInTimeRestore;
    private final ContributorInsightsOperations contributorInsights;
    private final ResourcePolicyOperations resourcePolicies;
    private final KinesisStreamingOperations kinesis;
    private final ReplicaOperations replicas;
    private final UpdateTableOperation updateTable;
    private final CreateTableOperation createTable;
    private final Engine engine;
    private final TimeToLiveGuard timeToLive;
    private final WriteRecorder writes;
    private final Scaler scaler;
    private final AutoScalingOperations autoScaling;
    private final LocalAdmin admin;
    private final KmsOperations kms;
    private final SlowWork slowWork;
    private final ImportOperations imports;
    private final Clock clock;

    FrontOperations(FrontState state, ScalingState scaling, PitrHistory history, CreateTableJournal journal,
            Engine engine, Clock clock) {
        this(state, scaling, history, journal, engine, clock, new S3StandIn());
    }

    FrontOperations(FrontState state, ScalingState scaling, PitrHistory history, CreateTableJournal journal,
            Engine engine, Clock clock, S3StandIn s3) {
        this.engine = engine;
        this.clock = clock;
        TableItems items = new TableItems(engine);
        this.state = state;
        this.history = history;
        this.tags = new TagOperations(state, engine);
        this.continuousBackups = new ContinuousBackupOperations(state, engine, items, history, clock);
        this.backups = new BackupOperations(state, engine, items, clock);
        this.listing = new BackupListing(state);
        this.restore = new RestoreOperation(state, engine, items, clock);
        this.pointInTimeRestore = new PointInTimeRestoreOperation(state, engine, items, history, clock);
        this.contributorInsights = new ContributorInsightsOperations(state, engine);
        this.resourcePolicies = new ResourcePolicyOperations(state, engine, clock);
        this.kinesis = new KinesisStreamingOperations(engine, clock);
        this.slowWork = new SlowWork(clock);
        this.kms = new KmsOperations(clock);
        this.replicas = new ReplicaOperations(state, engine, items, scaling, new ReplicaSettings(kms, clock));
        this.updateTable = new UpdateTableOperation(state, engine, replicas,
                new StrongConsistencyOperations(state, replicas, items), slowWork, clock, kms);
        this.createTable = new CreateTableOperation(engine, tags, updateTable, journal, clock);
        this.timeToLive = new TimeToLiveGuard(state, engine, clock);
        this.writes = new WriteRecorder(state, history, engine, clock);
        this.scaler = new Scaler(scaling, engine);
        this.autoScaling = new AutoScalingOperations(new ScalableTargetOperations(scaling, engine, scaler, clock),
                new ScalingPolicyOperations(scaling, clock));
        this.admin = new LocalAdmin(scaler, slowWork);
        this.imports = new ImportOperations(engine, createTable, s3, slowWork, this::forgetTable, clock);
    }

    boolean handles(String operation) {
        return HANDLED.contains(operation);
    }

    WireResponse answer(String operation, String region, ObjectNode request) {
        if (operation.contains("Backup")) {
            state.dropExpiredBackups(clock.millis());
        }
        return switch (operation) {
            case "UpdateContinuousBackups" -> continuousBackups.update(region, request);
            case "DescribeContinuousBackups" -> continuousBackups.describe(region, request);
            case "CreateBackup" -> backups.create(region, request);
            case "DescribeBackup" -> backups.describe(request);
            case "ListBackups" -> listing.list(region, request);
            case "DeleteBackup" -> backups.delete(request);
            case "RestoreTableFromBackup" -> restored(region, request, restore.restore(region, request));
            case "RestoreTableToPointInTime" ->
                    restored(region, request, pointInTimeRestore.restore(region, request));
            case "TagResource" -> tags.tag(region, request);
            case "UntagResource" -> tags.untag(region, request);
            case "ListTagsOfResource" -> tags.list(region, request);
            case "UpdateContributorInsights" -> contributorInsights.update(region, request);
            case "DescribeContributorInsights" -> contributorInsights.describe(region, request);
            case "ListContributorInsights" -> contributorInsights.list(region, request);
            case "PutResourcePolicy" -> resourcePolicies.put(region, request);
            case "GetResourcePolicy" -> resourcePolicies.get(region, request);
            case "DeleteResourcePolicy" -> resourcePolicies.delete(region, request);
            case "EnableKinesisStreamingDestination" -> kinesis.enable(region, request);
            case "UpdateKinesisStreamingDestination" -> kinesis.update(region, request);
            case "DisableKinesisStreamingDestination" -> kinesis.disable(region, request);
            case "DescribeKinesisStreamingDestination" -> kinesis.describe(region, request);
            case "ImportTable" -> imports.importTable(region, request);
            case "DescribeImport" -> imports.describeImport(request);
            case "ListImports" -> imports.listImports(request);
            default -> throw AwsException.unknownOperation(operation);
        };
    }

    TagOperations tags() {
        return tags;
    }

    UpdateTableOperation updateTable() {
        return updateTable;
    }

    CreateTableOperation createTable() {
        return createTable;
    }

    /**
     * Brings the front's state in line with DynamoDB Local after a kill: creates that were cut short get their
     * tags and settings, and a table deleted just before the kill loses its leftovers, so a table created later
     * under its name does not inherit its tags or PITR history.
     */
    void recover() {
        createTable.recover();
        HashSet<TableKey> known = new HashSet<>(state.tables());
        known.addAll(history.tables());
        for (TableKey table : known) {
            if (engine.describeTable(table.region(), table.table()).isEmpty()) {
                forgetTable(table);
            }
        }
    }

    TimeToLiveGuard timeToLive() {
        return timeToLive;
    }

    WriteRecorder writes() {
        return writes;
    }

    Scaler scaler() {
        return scaler;
    }

    AutoScalingOperations autoScaling() {
        return autoScaling;
    }

    KmsOperations kms() {
        return kms;
    }

    LocalAdmin admin() {
        return admin;
    }

    SlowWork slowWork() {
        return slowWork;
    }

    /** Adds the front's settings (encryption, table class, replicas) to a table description. */
    void describeFeatures(TableKey table, ObjectNode description) {
        TableFeatureDescriptions.addTo(description, state.features(table),
                region -> state.features(new TableKey(region, table.table())));
        slowWork.describe(table, description);
    }

    /** A restored table shows CREATING (and RestoreInProgress) for the restore delay. */
    private WireResponse restored(String region, ObjectNode request, WireResponse response) {
        TableKey target = new TableKey(region, Json.requiredText(request, "TargetTableName"));
        slowWork.start(target, SlowWork.Kind.TABLE_CREATION, "", slowWork.delays().restore());
        if (!slowWork.creating(target)) {
            return response;
        }
        ObjectNode answer = Json.parseRequest(response.body());
        if (answer.path("TableDescription") instanceof ObjectNode description) {
            slowWork.describe(target, description);
            if (description.path("RestoreSummary") instanceof ObjectNode summary) {
                summary.put("RestoreInProgress", true);
            }
        }
        return response.withBody(answer);
    }

    /** Before DeleteTable reaches DynamoDB Local: what a system backup needs, if the table has PITR on. */
    Optional<ObjectNode> beforeDelete(TableKey table) {
        return state.pitr(table).enabled() ? engine.describeTable(table.region(), table.table()) : Optional.empty();
    }

    /** The table is gone: with PITR on it leaves a system backup of its last items, then the front forgets it. */
    void deleted(TableKey table, Optional<ObjectNode> pitrDescription) {
        pitrDescription.ifPresent(description ->
                backups.createSystemBackup(table, description, history.itemsAt(table, clock.millis())));
        forgetTable(table);
    }

    ImportOperations imports() {
        return imports;
    }

    KinesisStreamingOperations kinesis() {
        return kinesis;
    }

    void forgetTable(TableKey table) {
        slowWork.forget(table);
        kinesis.forget(table);
        replicas.forget(table);
        history.drop(table);
        state.forgetTable(table);
    }
}
