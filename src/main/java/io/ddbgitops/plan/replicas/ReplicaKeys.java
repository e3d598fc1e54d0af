package io.ddbgitops.plan.replicas;

import io.ddbgitops.plan.ObservedTable;

import java.util.Optional;

/**
 * A replica's KMS key as a key ARN, so that swapping one customer key for another is seen: a key ARN is itself, a
 * key id is a key of the replica's region in the table's partition and account; an alias (or alias ARN) cannot be
 * resolved without reading KMS in the replica's region, which the plan does not do.
 */
final class ReplicaKeys {
    private ReplicaKeys() {}

    static Optional<String> arn(String key, String region, ObservedTable live) {
        if (key.startsWith("arn:")) {
            return key.contains(":key/") ? Optional.of(key) : Optional.empty();
        }
        if (key.startsWith("alias/")) {
            return Optional.empty();
        }
        String[] table = live.arn().split(":", 6);
        return table.length < 6 ? Optional.empty()
                : Optional.of("arn:" + table[1] + ":kms:" + region + ":" + table[4] + ":key/" + key);
    }
}
