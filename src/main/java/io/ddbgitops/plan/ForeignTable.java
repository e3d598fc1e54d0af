package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableId;

import java.util.Optional;

/** A live table in a region we manage that no valid manifest declares: who owns it, and whether it may be deleted. */
public record ForeignTable(TableId id, Optional<String> owner, boolean deletionProtection) {
}
