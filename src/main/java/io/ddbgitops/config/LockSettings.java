package io.ddbgitops.config;

import java.util.Objects;
import java.util.Optional;

/** Where runs take their lease: a table in a region of an account (empty: the default credential chain's). */
public record LockSettings(Optional<String> account, String region, String table) {
    public LockSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(table, "table");
    }
}
