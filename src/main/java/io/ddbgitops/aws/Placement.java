package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;

import java.util.Objects;

/**
 * Where a table lives as far as AWS's per-account, per-region quotas and listings go: the account (a name from the
 * repository config, or {@link TableId#DEFAULT_ACCOUNT} for the default credential chain) and the region.
 */
public record Placement(String account, String region) {
    /** The account the default credential chain resolves to, whichever that is. */
    public static final String DEFAULT_ACCOUNT = TableId.DEFAULT_ACCOUNT;

    public Placement {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    public static Placement of(TableId id) {
        return new Placement(id.account(), id.region());
    }

    @Override
    public String toString() {
        return (account.equals(DEFAULT_ACCOUNT) ? "" : account + ":") + region;
    }
}
