package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Adds what the front keeps about a table to DynamoDB Local's description of it, in AWS's shapes. */
final class TableFeatureDescriptions {
    static final String GLOBAL_TABLE_VERSION = "2019.11.21";

    private TableFeatureDescriptions() {}

    /** {@code member}: the features of the table's replica in a region, whose own settings its entry shows. */
    static void addTo(ObjectNode description, TableFeatures features,
            java.util.function.Function<String, TableFeatures> member) {
        features.kmsKey().ifPresent(arn -> description.putObject("SSEDescription")
                .put("Status", "ENABLED").put("SSEType", "KMS").put("KMSMasterKeyArn", arn));
        if (features.tableClassUpdatedAt() > 0) {
            ObjectNode summary = description.putObject("TableClassSummary")
                    .put("TableClass", features.tableClass());
            summary.set("LastUpdateDateTime", TableDescriptions.seconds(features.tableClassUpdatedAt()));
        }
        description.remove("OnDemandThroughput");
        if (features.capped()) {
            description.putObject("OnDemandThroughput")
                    .put("MaxReadRequestUnits", features.maxReadRequestUnits())
                    .put("MaxWriteRequestUnits", features.maxWriteRequestUnits());
        }
        WarmThroughputs.describe(description, features.indexes());
        if (!features.replicas().isEmpty()) {
            description.put("GlobalTableVersion", GLOBAL_TABLE_VERSION);
            ArrayNode replicas = description.putArray("Replicas");
            java.util.List<String> indexes = new java.util.ArrayList<>();
            description.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(i.path("IndexName").asText()));
            features.replicas().forEach(r -> ReplicaSettings.describe(
                    replicas.addObject().put("RegionName", r).put("ReplicaStatus", "ACTIVE"), member.apply(r), indexes));
        }
        // AWS's shapes (TableDescription MultiRegionConsistency, GlobalTableWitnesses of GlobalTableWitnessDescription
        // {RegionName, WitnessStatus}), botocore model checked 2026-12-01; said only of a strongly consistent table
        if (features.strong()) {
            description.put("MultiRegionConsistency", "STRONG");
            if (!features.witnesses().isEmpty()) {
                ArrayNode witnesses = description.putArray("GlobalTableWitnesses");
                features.witnesses().forEach(w -> witnesses.addObject().put("RegionName", w)
                        .put("WitnessStatus", "ACTIVE"));
            }
        }
    }
}
