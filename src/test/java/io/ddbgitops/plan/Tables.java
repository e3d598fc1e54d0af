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
import java.util.function.UnaryOperator;

/** Builders for planner tests: the seed-style Orders table, and a live table that matches it. */
final class Tables {
    static final KeyAttribute CUSTOMER = new KeyAttribute("customer", AttributeType.S);
    static final KeyAttribute PLACED_AT = new KeyAttribute("placedAt", AttributeType.N);
    static final TableId ORDERS = new TableId("us-east-1", "Orders");

    private Tables() {}

    static TableManifest orders(long read, long write, Optional<Boolean> pitr) {
        return new TableManifest(new SourceLocation("manifests/shop/orders.yaml", 1, 1), "shop", "orders",
                "us-east-1", "Orders", CUSTOMER, Optional.of(PLACED_AT), pitr, read, write, TableOptions.defaults());
    }

    static TableManifest orders() {
        return orders(20, 30, Optional.of(true));
    }

    /** {@link #orders()} with its options changed by {@code change}. */
    static TableManifest orders(UnaryOperator<Options> change) {
        TableManifest m = orders();
        return withOptions(m, change.apply(new Options(m.options())).build());
    }

    static TableManifest withOptions(TableManifest m, TableOptions options) {
        return new TableManifest(m.source(), m.namespace(), m.name(), m.region(), m.tableName(), m.partitionKey(),
                m.sortKey(), m.pitr(), m.readCapacity(), m.writeCapacity(), options);
    }

    static TableManifest adopting(TableManifest m) {
        return withOptions(m, new Options(m.options()).adopt(true).build());
    }

    /** A live table exactly as {@link #orders()} describes it, owned by that manifest. */
    static ObservedTable liveOrders() {
        return ObservedTable.builder(ORDERS, CUSTOMER)
                .sortKey(Optional.of(PLACED_AT))
                .billingMode(BillingMode.PROVISIONED)
                .capacity(20, 30)
                .pitr(Optional.of(true))
                .tags(Map.of(Ownership.TAG_KEY, "shop/orders"))
                .build();
    }

    static ObservedTable liveOrders(UnaryOperator<ObservedTable.Builder> change) {
        return change.apply(liveOrders().toBuilder()).build();
    }

    static ObservedTable withCapacity(ObservedTable t, long read, long write) {
        return t.toBuilder().capacity(read, write).build();
    }

    static ObservedTable withPitr(ObservedTable t, boolean on) {
        return t.toBuilder().pitr(Optional.of(on)).build();
    }

    static ObservedTable withSortKey(ObservedTable t, Optional<KeyAttribute> sort) {
        return t.toBuilder().sortKey(sort).build();
    }

    static ObservedTable withTags(ObservedTable t, Map<String, String> tags) {
        return t.toBuilder().tags(tags).build();
    }

    static ObservedTable unowned(ObservedTable t) {
        Map<String, String> tags = new HashMap<>(t.tags());
        tags.remove(Ownership.TAG_KEY);
        return withTags(t, tags);
    }
}
