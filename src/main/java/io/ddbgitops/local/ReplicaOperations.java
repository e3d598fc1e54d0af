package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Global table replicas (version 2019.11.21) through UpdateTable's ReplicaUpdates. A replica is a real table of the
 * same name, schema and indexes in the other region's DynamoDB Local database, holding the items the source had when
 * it was created; later writes are not replicated. Every member of the group lists the others as its Replicas.
 */
final class ReplicaOperations {
    private static final String STREAM_VIEW = "NEW_AND_OLD_IMAGES";

    private final FrontState state;
    private final Engine engine;
    private final TableItems items;
    private final ScalingState scaling;
    private final ReplicaSettings settings;

    ReplicaOperations(FrontState state, Engine engine, TableItems items, ScalingState scaling,
            ReplicaSettings settings) {
        this.state = state;
        this.engine = engine;
        this.items = items;
        this.scaling = scaling;
        this.settings = settings;
    }

    /**
     * One replica created or deleted per UpdateTable, as on AWS (the UpdateTable API reference,
     * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html, checked 2026-12-01; AWS's
     * answer to two is the text below).
     */
    void apply(TableKey source, JsonNode replicaUpdates) {
        long createsAndDeletes = 0;
        for (JsonNode update : replicaUpdates) {
            createsAndDeletes += (update.has("Create") ? 1 : 0) + (update.has("Delete") ? 1 : 0);
        }
        if (createsAndDeletes > 1) {
            throw AwsException.validation(
                    "Update table operation with more than one create or delete replica actions not allowed");
        }
        for (int i = 0; i < replicaUpdates.size(); i++) {
            JsonNode update = replicaUpdates.get(i);
            String path = "replicaUpdates." + (i + 1) + ".member";
            if (update.has("Create")) {
                create(source, update.get("Create"), path + ".create");
            } else if (update.has("Delete")) {
                delete(source, Json.requiredText(update.get("Delete"), "RegionName"));
            } else if (update.has("Update")) {
                update(source, update.get("Update"), path + ".update");
            } else {
                throw AwsException.validation("A replica update must have one of Create, Update or Delete");
            }
        }
    }

    /** The table was deleted in its region: it leaves its replication group. */
    void forget(TableKey table) {
        List<String> group = group(table);
        group.remove(table.region());
        setGroup(table.table(), group, group);
    }

    /** One replica, with the settings of its {@code Create} action ({@code path} names it in AWS's messages). */
    void create(TableKey source, JsonNode action, String path) {
        String region = Json.requiredText(action, "RegionName");
        List<String> group = group(source);
        if (group.contains(region)) {
            throw AwsException.validation("One or more parameter values were invalid: Failed to create a replica"
                    + " of table " + source.table() + " in " + region + ": the table is already replicated there");
        }
        if (engine.describeTable(region, source.table()).isPresent()) {
            throw AwsException.validation("Failed to create a the new replica of table with name: '"
                    + source.table() + "' because one or more replicas already existed as tables.");
        }
        requireScaledWrites(source, existing(source));
        ReplicaSettings.validate(existing(source), action, path);
        ObjectNode description = ensureStream(source);
        TableKey replica = new TableKey(region, source.table());
        ObjectNode create = TableDefinitions.createTableRequest(description, source.table(), Json.object());
        create.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", STREAM_VIEW);
        engine.call(region, "CreateTable", create);
        items.writeAll(replica, items.scanAll(source));
        TableFeatures features = state.features(source);
        state.setFeatures(replica, settings.apply(TableFeatures.DEFAULT.withKmsKey(features.kmsKey())
                .withTableClass(features.tableClass(), features.tableClassUpdatedAt()), action, region));
        ReplicaSettings.applyCapacities(engine, replica, state.features(replica).replicaOverrides());
        List<String> next = new ArrayList<>(group);
        next.add(region);
        setGroup(source.table(), group, next);
    }

    /** New settings for an existing replica: kept on the replica table, shown by every member's DescribeTable. */
    private void update(TableKey source, JsonNode action, String path) {
        String region = Json.requiredText(action, "RegionName");
        if (!group(source).contains(region) || region.equals(source.region())) {
            throw AwsException.validation("One or more parameter values were invalid: Cannot update replica of"
                    + " table " + source.table() + " in " + region + ": no such replica");
        }
        ReplicaSettings.validate(existing(source), action, path);
        TableKey replica = new TableKey(region, source.table());
        ReplicaSettings.applyCapacities(engine, replica,
                settings.apply(state.features(replica), action, region).replicaOverrides());
        state.updateFeatures(replica, f -> settings.apply(f, action, region));
    }

    void delete(TableKey source, String region) {
        List<String> group = group(source);
        if (!group.contains(region) || region.equals(source.region())) {
            throw AwsException.validation("One or more parameter values were invalid: Cannot delete replica of"
                    + " table " + source.table() + " in " + region + ": no such replica");
        }
        TableKey replica = new TableKey(region, source.table());
        if (engine.describeTable(region, source.table()).isPresent()) {
            engine.call(region, "DeleteTable", Json.object().put("TableName", source.table()));
        }
        state.forgetTable(replica);
        List<String> next = new ArrayList<>(group);
        next.remove(region);
        setGroup(source.table(), group, next);
    }

    /**
     * "When using the latest version of global tables, you must either use on-demand capacity or enable autoscaling
     * on the table" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html,
     * checked 2026-12-01): a PROVISIONED table whose write capacity, or one of whose global indexes' write capacity,
     * has no scalable target with a scaling policy is refused with AWS's texts.
     */
    private void requireScaledWrites(TableKey source, ObjectNode description) {
        String billing = description.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED");
        if (!billing.equals("PROVISIONED")) {
            return;
        }
        String resource = "table/" + source.table();
        if (!scaled(source.region(), resource, ScalableResource.TABLE_WRITE)) {
            throw AwsException.validation("Table write capacity should either be Pay-Per-Request or AutoScaled.");
        }
        for (JsonNode index : description.path("GlobalSecondaryIndexes")) {
            String indexResource = resource + "/index/" + index.path("IndexName").asText();
            if (!scaled(source.region(), indexResource, ScalableResource.INDEX_WRITE)) {
                throw AwsException.validation("GSI write capacity should either be Pay-Per-Request or AutoScaled.");
            }
        }
    }

    private boolean scaled(String region, String resourceId, String dimension) {
        ScalingKey key = new ScalingKey(region, resourceId, dimension);
        return scaling.target(key).isPresent() && !scaling.policies(p -> p.key().equals(key)).isEmpty();
    }

    /**
     * Replicas of a 2019.11.21 global table need a NEW_AND_OLD_IMAGES stream; AWS turns it on when it is off and
     * refuses other view types.
     */
    private ObjectNode ensureStream(TableKey source) {
        ObjectNode description = existing(source);
        JsonNode stream = description.path("StreamSpecification");
        if (!stream.path("StreamEnabled").asBoolean(false)) {
            ObjectNode update = Json.object().put("TableName", source.table());
            update.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", STREAM_VIEW);
            engine.call(source.region(), "UpdateTable", update);
            return existing(source);
        }
        String view = stream.path("StreamViewType").asText();
        if (!view.equals(STREAM_VIEW)) {
            throw AwsException.validation("One or more parameter values were invalid: a global table replica needs"
                    + " a stream with StreamViewType " + STREAM_VIEW + ", table " + source.table() + " has " + view);
        }
        return description;
    }

    /** The regions of the table's replication group, itself included. */
    private List<String> group(TableKey table) {
        TreeSet<String> regions = new TreeSet<>(state.features(table).replicas());
        regions.add(table.region());
        return new ArrayList<>(regions);
    }

    private void setGroup(String table, List<String> before, List<String> after) {
        TreeSet<String> members = new TreeSet<>(before);
        members.addAll(after);
        for (String region : members) {
            TableKey member = new TableKey(region, table);
            List<String> others = after.contains(region)
                    ? after.stream().filter(r -> !r.equals(region)).toList()
                    : List.of();
            state.updateFeatures(member, f -> f.withReplicas(others));
        }
    }

    private ObjectNode existing(TableKey table) {
        return engine.describeTable(table.region(), table.table()).orElseThrow(() -> AwsException.resourceNotFound(
                "Requested resource not found: Table: " + table.table() + " not found"));
    }
}
