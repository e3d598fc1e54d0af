package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Rules of the {@code replicas} items that the schema cannot express. A replica's read override is a
 * ProvisionedThroughputOverride (provisioned tables) and its read cap an OnDemandThroughputOverride (on-demand
 * tables); a replica's KMS key only means something when the table is encrypted with a KMS key; and a replica's
 * index overrides must name the table's global secondary indexes, each once
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateReplicationGroupMemberAction.html,
 * checked 2026-12-01).
 */
final class ReplicaSettingRules {
    private static final String REPLICAS = SemanticRules.OPTIONAL + "/replicas";

    private final Checks checks;

    ReplicaSettingRules(Checks checks) {
        this.checks = checks;
    }

    /** The region of a replica item, bare or an object; null when the schema already rejected it. */
    static String region(JsonNode replica) {
        return replica.isTextual() ? replica.textValue() : replica.path("region").textValue();
    }

    void check(JsonNode optional) {
        JsonNode replicas = optional.path("replicas");
        boolean onDemand = "PAY_PER_REQUEST".equals(optional.path("billing_mode").textValue());
        boolean kms = "KMS".equals(optional.path("sse").path("type").textValue());
        Set<String> tableIndexes = new HashSet<>();
        optional.path("global_secondary_indexes").forEach(i -> Checks.text(i.path("index_name"))
                .ifPresent(tableIndexes::add));
        for (int i = 0; i < replicas.size(); i++) {
            JsonNode replica = replicas.path(i);
            if (replica.isObject()) {
                String pointer = Pointers.child(REPLICAS, i);
                capacities(replica, pointer, onDemand);
                if (Checks.present(replica.path("kms_key_id")) && !kms) {
                    checks.add(pointer + "/kms_key_id", "only allowed when sse.type is KMS (the replica keeps the "
                            + "table's encryption type, in a key of its own region)");
                }
                indexes(replica.path("global_secondary_indexes"), pointer + "/global_secondary_indexes",
                        tableIndexes, onDemand);
            }
        }
    }

    private void indexes(JsonNode indexes, String pointer, Set<String> tableIndexes, boolean onDemand) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < indexes.size(); i++) {
            JsonNode index = indexes.path(i);
            String at = Pointers.child(pointer, i);
            Checks.text(index.path("index_name")).ifPresent(name -> {
                if (!tableIndexes.contains(name)) {
                    checks.add(at + "/index_name", Values.quote(name)
                            + " is not one of the table's global_secondary_indexes");
                } else if (!seen.add(name)) {
                    checks.add(at + "/index_name", Values.quote(name) + " is listed more than once");
                }
            });
            capacities(index, at, onDemand);
        }
    }

    private void capacities(JsonNode holder, String pointer, boolean onDemand) {
        if (onDemand && Checks.present(holder.path("read_capacity_override"))) {
            checks.add(pointer + "/read_capacity_override", "only allowed when billing_mode is PROVISIONED; "
                    + "an on-demand replica takes max_read_request_units");
        }
        if (!onDemand && Checks.present(holder.path("max_read_request_units"))) {
            checks.add(pointer + "/max_read_request_units", "only allowed when billing_mode is PAY_PER_REQUEST; "
                    + "a provisioned replica takes read_capacity_override");
        }
    }
}
