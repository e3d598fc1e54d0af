package io.ddbgitops.local;

/** What Application Auto Scaling identifies a scalable target by, in one region: resource id and dimension. */
record ScalingKey(String region, String resourceId, String dimension) {
    ScalingKey {
        if (region.isEmpty() || resourceId.isEmpty() || dimension.isEmpty()) {
            throw new IllegalArgumentException("Region, resource id and dimension must be set, got '" + region
                    + "' / '" + resourceId + "' / '" + dimension + "'");
        }
    }

    /** The ordering Describe* answers use: by resource id, then dimension. */
    String sortKey() {
        return resourceId + "\u0000" + dimension;
    }
}
