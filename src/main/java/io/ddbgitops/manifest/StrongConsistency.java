package io.ddbgitops.manifest;

import java.util.Optional;

/**
 * {@code multi_region_consistency: STRONG} (multi-Region strong consistency, MRSC) and its optional
 * {@code witness_region}. The default, EVENTUAL, is no value at all: it is what every other global table is.
 */
public record StrongConsistency(Optional<String> witnessRegion) {
}
