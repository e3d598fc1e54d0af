package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.SourceLocation;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.TableOptions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builders for planner tests: the seed-style Orders table, and a live table that matches it. */
final class Tables {
    static final KeyAttribute CUSTOMER = new KeyAttribute("customer", AttributeType.S);
    static final KeyAttribute PLACED_AT = new KeyAttribute("placedAt", AttributeType.N);

    private Tables() {}

    static TableManifest orders(long read, long write, Optional<Boolean> pitr) {
        return new TableManifest(new SourceLocation("manifests/shop/orders.yaml", 1, 1), "shop", "orders",
                "us-east-1", "Orders", CUSTOMER, Optional.of(PLACED_AT), pitr, read, write, TableOptions.defaults());
    }

    static TableManifest orders() {
        return orders(20, 30, Optional.of(true));
    }

    static TableManifest adopting(TableManifest m) {
        TableOptions o = m.options();
        TableOptions adopt = new TableOptions(o.billingMode(), o.maxReadRequestUnits(), o.maxWriteRequestUnits(),
                o.pitrRecoveryPeriodDays(), o.backup(), o.streamViewType(), o.ttlAttributeName(),
                o.deletionProtection(), o.tableClass(), o.sse(), o.contributorInsights(), o.tags(),
                o.globalSecondaryIndexes(), o.localSecondaryIndexes(), o.replicas(), o.restore(), true);
        return new TableManifest(m.source(), m.namespace(), m.name(), m.region(), m.tableName(), m.partitionKey(),
                m.sortKey(), m.pitr(), m.readCapacity(), m.writeCapacity(), adopt);
    }

    /** A live table exactly as {@link #orders()} describes it, owned by that manifest. */
    static ObservedTable liveOrders() {
        return new ObservedTable(new TableId("us-east-1", "Orders"), "arn:aws:dynamodb:us-east-1:000000000000:table/Orders",
                "ACTIVE", CUSTOMER, Optional.of(PLACED_AT), BillingMode.PROVISIONED, 20, 30, Optional.of(true),
                Map.of(Ownership.TAG_KEY, "shop/orders"));
    }

    static ObservedTable withCapacity(ObservedTable t, long read, long write) {
        return new ObservedTable(t.id(), t.arn(), t.status(), t.partitionKey(), t.sortKey(), t.billingMode(), read,
                write, t.pitr(), t.tags());
    }

    static ObservedTable withPitr(ObservedTable t, boolean on) {
        return new ObservedTable(t.id(), t.arn(), t.status(), t.partitionKey(), t.sortKey(), t.billingMode(),
                t.readCapacity(), t.writeCapacity(), Optional.of(on), t.tags());
    }

    static ObservedTable withSortKey(ObservedTable t, Optional<KeyAttribute> sort) {
        return new ObservedTable(t.id(), t.arn(), t.status(), t.partitionKey(), sort, t.billingMode(),
                t.readCapacity(), t.writeCapacity(), t.pitr(), t.tags());
    }

    static ObservedTable withTags(ObservedTable t, Map<String, String> tags) {
        return new ObservedTable(t.id(), t.arn(), t.status(), t.partitionKey(), t.sortKey(), t.billingMode(),
                t.readCapacity(), t.writeCapacity(), t.pitr(), tags);
    }

    static ObservedTable unowned(ObservedTable t) {
        Map<String, String> tags = new HashMap<>(t.tags());
        tags.remove(Ownership.TAG_KEY);
        return withTags(t, tags);
    }
}
