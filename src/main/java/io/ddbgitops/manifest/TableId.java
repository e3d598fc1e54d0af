package io.ddbgitops.manifest;

import java.util.Comparator;

/** A live table's identity: region plus table name. */
public record TableId(String region, String tableName) implements Comparable<TableId> {
    private static final Comparator<TableId> ORDER =
            Comparator.comparing(TableId::region).thenComparing(TableId::tableName);

    @Override
    public int compareTo(TableId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return region + "/" + tableName;
    }
}
