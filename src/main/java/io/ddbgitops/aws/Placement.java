package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;

import java.util.Objects;

/**
 * Where a table lives as far as AWS's per-account, per-region quotas go: the account and the region. Until manifests
 * name accounts, every table is in the account of the default credential chain ({@link #DEFAULT_ACCOUNT}).
 */
public record Placement(String account, String region) {
    /** The account the default credential chain resolves to, whichever that is. */
    public static final String DEFAULT_ACCOUNT = "default";

    public Placement {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    public static Placement of(TableId id) {
        return new Placement(DEFAULT_ACCOUNT, id.region());
    }

    @Override
    public String toString() {
        return account + "/" + region;
    }
}
