package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A replica's own settings, from ReplicaUpdates Create (CreateReplicationGroupMemberAction) and Update
 * (UpdateReplicationGroupMemberAction): read override or on-demand read cap, table class, KMS key and per-index read
 * overrides. They are kept on the replica table's own {@link TableFeatures} (so they persist and go with it) and shown
 * in every member's DescribeTable {@code Replicas} entry for that region, in AWS's shapes (ReplicaDescription,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ReplicaDescription.html, checked 2026-12-01).
 * A setting an action leaves out stays as it is, as UpdateReplicationGroupMemberAction documents.
 */
final class ReplicaSettings {
    private static final Set<String> TABLE_CLASSES = Set.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");

    private final KmsOperations kms;
    private final Clock clock;

    ReplicaSettings(KmsOperations kms, Clock clock) {
        this.kms = kms;
        this.clock = clock;
    }

    /**
     * Refuses what the table cannot take, before anything changes: a read override on an on-demand table or a read cap
     * on a provisioned one, values below 1, an unknown table class, an index the table does not have. The API reference
     * gives no texts for these; the messages follow AWS's "One or more parameter values were invalid" and constraint
     * forms.
     */
    static void validate(ObjectNode table, JsonNode action, String path) {
        boolean onDemand = table.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED")
                .equals("PAY_PER_REQUEST");
        String name = table.path("TableName").asText();
        capacities(action, path, onDemand);
        Json.text(action, "TableClassOverride").filter(c -> !TABLE_CLASSES.contains(c)).ifPresent(c -> {
            throw AwsException.validation("1 validation error detected: Value '" + c + "' at '" + path
                    + ".tableClassOverride' failed to satisfy constraint: Member must satisfy enum value set: "
                    + TABLE_CLASSES);
        });
        Set<String> indexes = new HashSet<>();
        table.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(i.path("IndexName").asText()));
        JsonNode overrides = action.path("GlobalSecondaryIndexes");
        for (int i = 0; i < overrides.size(); i++) {
            String index = overrides.get(i).path("IndexName").asText();
            if (!indexes.contains(index)) {
                throw AwsException.validation("One or more parameter values were invalid: Replica global secondary"
                        + " index " + index + " is not a global secondary index of table " + name);
            }
            capacities(overrides.get(i), path + ".globalSecondaryIndexes." + (i + 1) + ".member", onDemand);
        }
    }

    private static void capacities(JsonNode holder, String path, boolean onDemand) {
        JsonNode read = holder.path("ProvisionedThroughputOverride").path("ReadCapacityUnits");
        JsonNode cap = holder.path("OnDemandThroughputOverride").path("MaxReadRequestUnits");
        if (!read.isMissingNode() && onDemand) {
            throw AwsException.validation("One or more parameter values were invalid: ProvisionedThroughputOverride"
                    + " cannot be specified for a table with PAY_PER_REQUEST billing mode");
        }
        if (!cap.isMissingNode() && !onDemand) {
            throw AwsException.validation("One or more parameter values were invalid: OnDemandThroughputOverride"
                    + " cannot be specified for a table with PROVISIONED billing mode");
        }
        atLeastOne(read, path + ".provisionedThroughputOverride.readCapacityUnits");
        atLeastOne(cap, path + ".onDemandThroughputOverride.maxReadRequestUnits");
    }

    private static void atLeastOne(JsonNode value, String path) {
        if (!value.isMissingNode() && (!value.canConvertToLong() || value.asLong() < 1)) {
            throw AwsException.validation("1 validation error detected: Value '" + value.asText() + "' at '" + path
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
    }

    /** The replica's features with what the action sets; what it leaves out stays. */
    TableFeatures apply(TableFeatures replica, JsonNode action, String region) {
        ReplicaOverrides o = replica.replicaOverrides();
        o = new ReplicaOverrides(
                action.path("ProvisionedThroughputOverride").path("ReadCapacityUnits").asLong(o.readCapacityUnits()),
                action.path("OnDemandThroughputOverride").path("MaxReadRequestUnits").asLong(o.maxReadRequestUnits()),
                o.indexes());
        for (JsonNode index : action.path("GlobalSecondaryIndexes")) {
            String name = index.path("IndexName").asText();
            ReplicaOverrides.Index had = o.index(name);
            o = o.withIndex(name, new ReplicaOverrides.Index(
                    index.path("ProvisionedThroughputOverride").path("ReadCapacityUnits").asLong(had.readCapacityUnits()),
                    index.path("OnDemandThroughputOverride").path("MaxReadRequestUnits")
                            .asLong(had.maxReadRequestUnits())));
        }
        TableFeatures next = replica.withReplicaOverrides(o);
        Optional<String> tableClass = Json.text(action, "TableClassOverride");
        if (tableClass.isPresent()) {
            next = next.withTableClass(tableClass.get(), clock.millis() / 1000.0);
        }
        Optional<String> key = Json.text(action, "KMSMasterKeyId").filter(k -> !k.isEmpty());
        if (key.isPresent()) {
            next = next.withKmsKey(Optional.of(kms.keyArn(key.get(), region)));
        }
        return next;
    }

    /**
     * A provisioned replica's read override is its table's read capacity (and an index override its index's), so the
     * replica's own DescribeTable shows it as on AWS; DynamoDB Local is told only what changes (it refuses an update
     * that changes nothing).
     */
    static void applyCapacities(Engine engine, TableKey replica, ReplicaOverrides overrides) {
        ObjectNode table = engine.describeTable(replica.region(), replica.table()).orElseThrow();
        if (table.path("BillingModeSummary").path("BillingMode").asText("PROVISIONED").equals("PAY_PER_REQUEST")) {
            return;
        }
        JsonNode throughput = table.path("ProvisionedThroughput");
        if (overrides.readCapacityUnits() > 0
                && throughput.path("ReadCapacityUnits").asLong() != overrides.readCapacityUnits()) {
            ObjectNode update = Json.object().put("TableName", replica.table());
            update.putObject("ProvisionedThroughput").put("ReadCapacityUnits", overrides.readCapacityUnits())
                    .put("WriteCapacityUnits", throughput.path("WriteCapacityUnits").asLong());
            engine.call(replica.region(), "UpdateTable", update);
        }
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            long read = overrides.index(index.path("IndexName").asText()).readCapacityUnits();
            JsonNode indexThroughput = index.path("ProvisionedThroughput");
            if (read > 0 && indexThroughput.path("ReadCapacityUnits").asLong() != read) {
                ObjectNode update = Json.object().put("TableName", replica.table());
                update.putArray("GlobalSecondaryIndexUpdates").addObject().putObject("Update")
                        .put("IndexName", index.path("IndexName").asText()).putObject("ProvisionedThroughput")
                        .put("ReadCapacityUnits", read)
                        .put("WriteCapacityUnits", indexThroughput.path("WriteCapacityUnits").asLong());
                engine.call(replica.region(), "UpdateTable", update);
            }
        }
    }

    /** Adds a replica's own settings to its ReplicaDescription; {@code indexes}: the table's global indexes. */
    static void describe(ObjectNode replica, TableFeatures features, Iterable<String> indexes) {
        features.kmsKey().ifPresent(arn -> replica.put("KMSMasterKeyId", arn));
        ReplicaOverrides o = features.replicaOverrides();
        if (o.readCapacityUnits() > 0) {
            replica.putObject("ProvisionedThroughputOverride").put("ReadCapacityUnits", o.readCapacityUnits());
        }
        if (o.maxReadRequestUnits() > 0) {
            replica.putObject("OnDemandThroughputOverride").put("MaxReadRequestUnits", o.maxReadRequestUnits());
        }
        ArrayNode gsis = Json.array();
        for (String name : indexes) {
            ObjectNode gsi = gsis.addObject().put("IndexName", name);
            ReplicaOverrides.Index index = o.index(name);
            if (index.readCapacityUnits() > 0) {
                gsi.putObject("ProvisionedThroughputOverride").put("ReadCapacityUnits", index.readCapacityUnits());
            }
            if (index.maxReadRequestUnits() > 0) {
                gsi.putObject("OnDemandThroughputOverride").put("MaxReadRequestUnits", index.maxReadRequestUnits());
            }
        }
        if (!gsis.isEmpty()) {
            replica.set("GlobalSecondaryIndexes", gsis);
        }
        ObjectNode summary = replica.putObject("ReplicaTableClassSummary").put("TableClass", features.tableClass());
        if (features.tableClassUpdatedAt() > 0) {
            summary.set("LastUpdateDateTime", TableDescriptions.seconds(features.tableClassUpdatedAt()));
        }
    }
}
