package io.ddbgitops.manifest;

import java.util.Optional;

/**
 * Warm throughput a table or global index is pre-warmed to, in read and write units per second. Either may be left
 * out (AWS keeps its current value). It can only go up, and raising it is billed.
 */
public record WarmThroughputSpec(Optional<Long> readUnitsPerSecond, Optional<Long> writeUnitsPerSecond) {
}
