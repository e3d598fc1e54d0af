package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableId;

import java.util.List;
import java.util.Optional;

/**
 * A live table in a region we manage that no valid manifest declares: who owns it, whether it may be deleted, and
 * the other regions of its global table (empty when it has no replicas).
 */
public record ForeignTable(TableId id, Optional<String> owner, boolean deletionProtection, List<String> replicaRegions) {

    public ForeignTable {
        replicaRegions = List.copyOf(replicaRegions);
    }

    public ForeignTable(TableId id, Optional<String> owner, boolean deletionProtection) {
        this(id, owner, deletionProtection, List.of());
    }

    /** Whether this table is a replica of a table one of these manifests declares: then it is that table, ours. */
    public boolean replicaOf(java.util.Set<TableId> declared) {
        return replicaRegions.stream().anyMatch(region -> declared.contains(new TableId(id.account(), region, id.tableName())));
    }
}
