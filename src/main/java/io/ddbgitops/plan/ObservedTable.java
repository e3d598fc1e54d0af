package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.TableId;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a live table looks like, in our own terms (never SDK types): read by the aws adapter, compared by the
 * planner. {@code pitr} is empty when point-in-time recovery could not be read.
 */
public record ObservedTable(
        TableId id,
        String arn,
        String status,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        BillingMode billingMode,
        long readCapacity,
        long writeCapacity,
        Optional<Boolean> pitr,
        Map<String, String> tags) {

    public ObservedTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
        tags = Map.copyOf(tags);
    }

    /** The manifest id ({@code namespace/name}) that owns this table, if we own it. */
    public Optional<String> owner() {
        return Optional.ofNullable(tags.get(Ownership.TAG_KEY));
    }
}
