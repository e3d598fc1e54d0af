package io.ddbgitops.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * One valid {@code kind: Dynamodb} document. Identity is {@code namespace/name}; the table's identity is
 * {@code account + region + tableName}. Capacities already carry the default of 10 when billing is provisioned.
 */
public record TableManifest(
        SourceLocation source,
        String namespace,
        String name,
        String region,
        String tableName,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        Optional<Boolean> pitr,
        long readCapacity,
        long writeCapacity,
        TableOptions options) {

    public static final long DEFAULT_CAPACITY = 10;
    /**
     * The tag that marks a table as ours; its value is {@link #id()}. Defined here, where validation reserves it,
     * so that no manifest can set it through {@code tags} and hand its table to another manifest.
     */
    public static final String OWNERSHIP_TAG_KEY = "ddb-gitops/manifest";

    public TableManifest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(options, "options");
    }

    /** {@code namespace/name}, as people refer to the manifest. */
    public String id() {
        return namespace + "/" + name;
    }

    /** The account name ({@code optional_spec.account}), {@value TableId#DEFAULT_ACCOUNT} when it names none. */
    public String account() {
        return options.account().orElse(TableId.DEFAULT_ACCOUNT);
    }

    /** Account, region and table name: the live table this manifest owns. */
    public TableId tableId() {
        return new TableId(account(), region, tableName);
    }
}
