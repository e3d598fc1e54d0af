package io.ddbgitops.manifest;

import java.util.Comparator;
import java.util.Objects;

/**
 * A live table's identity: the account it lives in (a name from the repository config, or {@value #DEFAULT_ACCOUNT}
 * for the default credential chain), its region and its name. The same region and name in two accounts are two
 * tables.
 */
public record TableId(String account, String region, String tableName) implements Comparable<TableId> {
    /** The account of a manifest that names none: whatever the default credential chain reaches. */
    public static final String DEFAULT_ACCOUNT = "default";
    private static final Comparator<TableId> ORDER = Comparator.comparing(TableId::region)
            .thenComparing(TableId::tableName).thenComparing(TableId::account);

    public TableId {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tableName, "tableName");
    }

    /** A table in the default credential chain's account. */
    public TableId(String region, String tableName) {
        this(DEFAULT_ACCOUNT, region, tableName);
    }

    public boolean inDefaultAccount() {
        return account.equals(DEFAULT_ACCOUNT);
    }

    @Override
    public int compareTo(TableId other) {
        return ORDER.compare(this, other);
    }

    /** {@code region/table}, prefixed with {@code account:} outside the default account. */
    @Override
    public String toString() {
        return (inDefaultAccount() ? "" : account + ":") + region + "/" + tableName;
    }
}
