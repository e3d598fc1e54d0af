package io.ddbgitops.local;

/** A table as the front keeps state for it: AWS state is regional, so region and name identify it. */
record TableKey(String region, String table) {
    TableKey {
        if (region.isEmpty() || table.isEmpty()) {
            throw new IllegalArgumentException("Region and table must be set, got '" + region + "' / '" + table + "'");
        }
    }

    String arn() {
        return TableArns.of(region, table);
    }
}
