package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.TableManifest;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The managed settings of a table as a flat, sorted map of field name to canonical text. Desired and observed
 * tables are both reduced to this shape so that diffing, reporting and "what did we apply last time" all use
 * one vocabulary. Only fields the manifest mentions are desired; unmentioned settings are left alone.
 */
public final class Fields {
    public static final String KEY_SCHEMA = "key_schema";
    public static final String BILLING_MODE = "billing_mode";
    public static final String READ_CAPACITY = "read_capacity";
    public static final String WRITE_CAPACITY = "write_capacity";
    public static final String PITR = "pitr";
    public static final String OWNER = "owner";

    /** Changing these cannot be done in place: the table would have to be recreated. */
    public static final java.util.Set<String> FORCE_RECREATE = java.util.Set.of(KEY_SCHEMA);

    private Fields() {}

    public static Map<String, String> desired(TableManifest manifest) {
        Map<String, String> fields = new TreeMap<>();
        fields.put(KEY_SCHEMA, keySchema(manifest.partitionKey(), manifest.sortKey()));
        BillingMode billing = manifest.options().billingMode();
        fields.put(BILLING_MODE, billing.name());
        if (billing == BillingMode.PROVISIONED) {
            fields.put(READ_CAPACITY, Long.toString(manifest.readCapacity()));
            fields.put(WRITE_CAPACITY, Long.toString(manifest.writeCapacity()));
        }
        manifest.pitr().ifPresent(on -> fields.put(PITR, onOff(on)));
        fields.put(OWNER, manifest.id());
        return fields;
    }

    public static Map<String, String> observed(ObservedTable table) {
        Map<String, String> fields = new TreeMap<>();
        fields.put(KEY_SCHEMA, keySchema(table.partitionKey(), table.sortKey()));
        fields.put(BILLING_MODE, table.billingMode().name());
        if (table.billingMode() == BillingMode.PROVISIONED) {
            fields.put(READ_CAPACITY, Long.toString(table.readCapacity()));
            fields.put(WRITE_CAPACITY, Long.toString(table.writeCapacity()));
        }
        table.pitr().ifPresent(on -> fields.put(PITR, onOff(on)));
        table.owner().ifPresent(owner -> fields.put(OWNER, owner));
        return fields;
    }

    public static String keySchema(KeyAttribute partition, Optional<KeyAttribute> sort) {
        String text = partition.name() + ":" + partition.type() + " HASH";
        return sort.map(s -> text + ", " + s.name() + ":" + s.type() + " RANGE").orElse(text);
    }

    public static String onOff(boolean on) {
        return on ? "enabled" : "disabled";
    }
}
