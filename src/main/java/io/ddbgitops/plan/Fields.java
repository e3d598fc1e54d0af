package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.LocalSecondaryIndex;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.TableOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The managed settings of a table as a flat, sorted map of field name to canonical text. Desired and observed
 * tables are both reduced to this shape so that diffing, reporting and "what did we apply last time" share one
 * vocabulary.
 *
 * <p>Only fields the manifest mentions are desired: unmentioned settings are left alone. The exception is a
 * setting this tool applied before and the manifest no longer mentions (its line was deleted): streams, TTL
 * and replicas are then turned off (contributor insights too, by its family in {@code plan.settings}), tags removed and indexes deleted, as MANIFEST.md
 * says an absent field means.
 */
public final class Fields {
    public static final String ABSENT = "(none)";
    public static final String DISABLED = "disabled";

    public static final String KEY_SCHEMA = "key_schema";
    public static final String BILLING_MODE = "billing_mode";
    public static final String READ_CAPACITY = "read_capacity";
    public static final String WRITE_CAPACITY = "write_capacity";
    public static final String MAX_READ = "max_read_request_units";
    public static final String MAX_WRITE = "max_write_request_units";
    public static final String PITR = "pitr";
    public static final String PITR_DAYS = "pitr_recovery_period_days";
    public static final String STREAM = "stream_view_type";
    public static final String TTL = "ttl_attributename";
    public static final String DELETION_PROTECTION = "deletion_protection";
    public static final String TABLE_CLASS = "table_class";
    public static final String SSE = "sse";
    public static final String CONTRIBUTOR_INSIGHTS = "contributor_insights";
    public static final String REPLICAS = "replicas";
    public static final String OWNER = "owner";
    public static final String TAG = "tags.";
    public static final String GSI = "gsi.";
    public static final String LSI = "lsi.";
    public static final String READ_SUFFIX = ".read_capacity";
    public static final String WRITE_SUFFIX = ".write_capacity";

    /** Settings that are switched off when a manifest stops mentioning them after we applied them. */
    private static final Set<String> RESET_TO_DISABLED = Set.of(STREAM, TTL);

    private Fields() {}

    /** Changing this cannot be done in place: the table would have to be recreated. */
    public static boolean forcesRecreate(String field) {
        return field.equals(KEY_SCHEMA) || field.startsWith(LSI);
    }

    /** What the manifest itself says; this is also what counts as applied once the plan succeeds. */
    public static Map<String, String> desired(TableManifest manifest) {
        TableOptions o = manifest.options();
        Map<String, String> fields = new TreeMap<>();
        fields.put(KEY_SCHEMA, keySchema(manifest.partitionKey(), manifest.sortKey()));
        o.localSecondaryIndexes().ifPresent(lsis -> lsis.forEach(l -> fields.put(LSI + l.indexName(), lsi(l))));
        BillingMode billing = o.billingMode();
        fields.put(BILLING_MODE, billing.name());
        if (billing == BillingMode.PROVISIONED) {
            fields.put(READ_CAPACITY, Long.toString(manifest.readCapacity()));
            fields.put(WRITE_CAPACITY, Long.toString(manifest.writeCapacity()));
        } else {
            o.maxReadRequestUnits().ifPresent(v -> fields.put(MAX_READ, Long.toString(v)));
            o.maxWriteRequestUnits().ifPresent(v -> fields.put(MAX_WRITE, Long.toString(v)));
        }
        manifest.pitr().ifPresent(on -> fields.put(PITR, onOff(on)));
        if (manifest.pitr().orElse(false)) {
            o.pitrRecoveryPeriodDays().ifPresent(d -> fields.put(PITR_DAYS, Integer.toString(d)));
        }
        o.streamViewType().ifPresent(v -> fields.put(STREAM, v.name()));
        o.ttlAttributeName().ifPresent(v -> fields.put(TTL, v));
        o.deletionProtection().ifPresent(v -> fields.put(DELETION_PROTECTION, onOff(v)));
        o.tableClass().ifPresent(v -> fields.put(TABLE_CLASS, v.name()));
        o.sse().ifPresent(v -> fields.put(SSE, sse(v)));
        o.tags().forEach((k, v) -> fields.put(TAG + k, v));
        o.globalSecondaryIndexes().ifPresent(gsis -> gsis.forEach(g -> putGsi(fields, g, manifest)));
        o.replicas().ifPresent(r -> fields.put(REPLICAS, replicas(r)));
        fields.put(OWNER, manifest.id());
        return fields;
    }

    /**
     * Settings applied before whose lines were since deleted from the manifest, with the value that undoes them:
     * {@code disabled}, no replicas, or {@link #ABSENT} for tags and indexes.
     */
    public static Map<String, String> removed(Map<String, String> desired, Map<String, String> previouslyApplied) {
        Map<String, String> fields = new TreeMap<>();
        for (Map.Entry<String, String> applied : previouslyApplied.entrySet()) {
            String field = applied.getKey();
            if (desired.containsKey(field)) {
                continue;
            }
            if (RESET_TO_DISABLED.contains(field) && !applied.getValue().equals(DISABLED)) {
                fields.put(field, DISABLED);
            } else if (field.equals(REPLICAS) && !applied.getValue().isEmpty()) {
                fields.put(field, "");
            } else if (field.startsWith(TAG) || (field.startsWith(GSI) && isIndexDefinition(field))) {
                fields.put(field, ABSENT);
            }
        }
        return fields;
    }

    private static void putGsi(Map<String, String> fields, GlobalSecondaryIndex g, TableManifest manifest) {
        fields.put(GSI + g.indexName(), indexDefinition(g.partitionKeys(), g.sortKeys(), g.projection()));
        if (manifest.options().billingMode() == BillingMode.PROVISIONED) {
            fields.put(GSI + g.indexName() + READ_SUFFIX, Long.toString(g.readCapacity().orElse(manifest.readCapacity())));
            fields.put(GSI + g.indexName() + WRITE_SUFFIX,
                    Long.toString(g.writeCapacity().orElse(manifest.writeCapacity())));
        }
    }

    public static Map<String, String> observed(ObservedTable table) {
        Map<String, String> fields = new TreeMap<>();
        fields.put(KEY_SCHEMA, keySchema(table.partitionKey(), table.sortKey()));
        for (ObservedIndex l : table.localIndexes()) {
            fields.put(LSI + l.name(), observedLsi(l));
        }
        fields.put(BILLING_MODE, table.billingMode().name());
        if (table.billingMode() == BillingMode.PROVISIONED) {
            fields.put(READ_CAPACITY, Long.toString(table.readCapacity()));
            fields.put(WRITE_CAPACITY, Long.toString(table.writeCapacity()));
        }
        table.maxReadRequestUnits().ifPresent(v -> fields.put(MAX_READ, Long.toString(v)));
        table.maxWriteRequestUnits().ifPresent(v -> fields.put(MAX_WRITE, Long.toString(v)));
        table.pitr().ifPresent(on -> fields.put(PITR, onOff(on)));
        table.pitrRecoveryPeriodDays().ifPresent(d -> fields.put(PITR_DAYS, Integer.toString(d)));
        fields.put(STREAM, table.stream().map(Enum::name).orElse(DISABLED));
        table.ttl().ifPresent(t -> fields.put(TTL, t.enabled() ? t.attribute().orElse("?") : DISABLED));
        fields.put(DELETION_PROTECTION, onOff(table.deletionProtection()));
        fields.put(TABLE_CLASS, table.tableClass().name());
        fields.put(SSE, sse(table.sse()));
        table.tags().forEach((k, v) -> {
            if (!k.equals(Ownership.TAG_KEY)) {
                fields.put(TAG + k, v);
            }
        });
        for (ObservedIndex g : table.globalIndexes()) {
            fields.put(GSI + g.name(), indexDefinition(g.partitionKeys(), g.sortKeys(), g.projection()));
            if (table.billingMode() == BillingMode.PROVISIONED) {
                fields.put(GSI + g.name() + READ_SUFFIX, Long.toString(g.readCapacity()));
                fields.put(GSI + g.name() + WRITE_SUFFIX, Long.toString(g.writeCapacity()));
            }
        }
        fields.put(REPLICAS, replicas(table.replicas()));
        table.owner().ifPresent(owner -> fields.put(OWNER, owner));
        return fields;
    }

    /**
     * Whether the live value satisfies the wanted one. Text equality, except SSE with a KMS key given by alias or
     * key id: DescribeTable only reports the key's ARN, so only the encryption type can be compared.
     */
    public static boolean matches(String field, String want, String have) {
        if (field.equals(SSE) && want.equals(SseSpec.Type.KMS.name())) {
            return have.startsWith(SseSpec.Type.KMS.name());
        }
        return want.equals(have);
    }

    public static boolean isIndexDefinition(String field) {
        return !field.endsWith(READ_SUFFIX) && !field.endsWith(WRITE_SUFFIX);
    }

    public static String keySchema(KeyAttribute partition, Optional<KeyAttribute> sort) {
        String text = partition.name() + ":" + partition.type() + " HASH";
        return sort.map(s -> text + ", " + s.name() + ":" + s.type() + " RANGE").orElse(text);
    }

    public static String indexDefinition(KeyAttribute partition, Optional<KeyAttribute> sort, Projection projection) {
        return keySchema(partition, sort) + "; " + projection(projection);
    }

    /** A global index with (possibly) multi-attribute keys: every attribute in key schema order, as above. */
    public static String indexDefinition(List<KeyAttribute> partition, List<KeyAttribute> sort, Projection projection) {
        return java.util.stream.Stream.concat(
                partition.stream().map(k -> k.name() + ":" + k.type() + " HASH"),
                sort.stream().map(k -> k.name() + ":" + k.type() + " RANGE"))
                .collect(Collectors.joining(", ")) + "; " + projection(projection);
    }

    private static String lsi(LocalSecondaryIndex l) {
        return lsiDefinition(l.sortKey(), l.projection());
    }

    /** LSI definitions in the same form as {@link #lsi}, from an observed index. */
    static String observedLsi(ObservedIndex l) {
        return lsiDefinition(l.sortKey().orElseThrow(), l.projection());
    }

    // The table's partition key is the LSI's too; only its sort key and projection are the LSI's own.
    private static String lsiDefinition(KeyAttribute sort, Projection projection) {
        return "sort " + sort.name() + ":" + sort.type() + "; " + projection(projection);
    }

    private static String projection(Projection projection) {
        String text = "projection " + projection.type();
        if (projection.type() == Projection.Type.INCLUDE) {
            text += " " + projection.nonKeyAttributes().stream().sorted().collect(Collectors.joining(", ", "[", "]"));
        }
        return text;
    }

    public static String sse(SseSpec sse) {
        if (sse.type() == SseSpec.Type.AES256) {
            return SseSpec.Type.AES256.name();
        }
        return sse.kmsKeyId().filter(k -> k.startsWith("arn:")).map(k -> "KMS " + k).orElse("KMS");
    }

    static String replicas(List<String> regions) {
        return regions.stream().sorted().collect(Collectors.joining(", "));
    }

    public static String onOff(boolean on) {
        return on ? "enabled" : DISABLED;
    }
}
