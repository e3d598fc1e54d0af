package io.ddbgitops.manifest;

import java.util.Optional;

/** CloudWatch contributor insights of a table or global index: on or off, and which keys it reports when given. */
public record ContributorInsightsSpec(boolean enabled, Optional<Mode> mode) {

    /** AWS's ContributorInsightsMode. */
    public enum Mode { ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS }
}
