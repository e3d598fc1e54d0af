package io.ddbgitops.backup;

import java.time.Instant;
import java.util.Optional;

/** A table's point-in-time recovery: on or off and, when on, the window it can be restored to. */
public record PitrWindow(boolean enabled, Optional<Instant> earliest, Optional<Instant> latest) {
    public static PitrWindow disabled() {
        return new PitrWindow(false, Optional.empty(), Optional.empty());
    }
}
