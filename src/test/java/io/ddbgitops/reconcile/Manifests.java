package io.ddbgitops.reconcile;

/** Manifest texts for the integration tests, in the seed's own style. */
public final class Manifests {
    private Manifests() {}

    public static String table(String name, String region, String table, int read, int write, boolean pitr) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: it
                  labels:
                    type: dynamodb
                spec:
                  region: "%s"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  pitr: "%s"
                  writecapacityunits: %d
                  readcapacityunits: %d
                  optional_spec:
                    sort_key_attributename: "at"
                    sort_key_attributetype: "N"
                    sort_key_keytype: "RANGE"
                """.formatted(name, region, table, pitr, write, read);
    }

    /** A sort key declared as HASH: invalid at line 19 (sort_key_keytype). */
    static String invalid(String name, String table) {
        return table(name, "us-east-1", table, 5, 5, false).replace("sort_key_keytype: \"RANGE\"",
                "sort_key_keytype: \"HASH\"");
    }

    /** Every table setting this tool manages (backups and restores aside), in one manifest. */
    static String everything(String table) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: catalog
                  namespace: it
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "sku"
                  pri_key_attributetype: "S"
                  pitr: true
                  optional_spec:
                    sort_key_attributename: "version"
                    sort_key_attributetype: "N"
                    sort_key_keytype: "RANGE"
                    billing_mode: PAY_PER_REQUEST
                    max_read_request_units: 500
                    max_write_request_units: 200
                    pitr_recovery_period_days: 14
                    stream_view_type: NEW_AND_OLD_IMAGES
                    ttl_attributename: expiresAt
                    deletion_protection: true
                    table_class: STANDARD_INFREQUENT_ACCESS
                    sse:
                      type: KMS
                      kms_key_id: alias/catalog
                    contributor_insights: true
                    tags:
                      team: store
                      cost-center: "4711"
                    global_secondary_indexes:
                      - index_name: byCategory
                        pri_key_attributename: category
                        pri_key_attributetype: S
                        sort_key_attributename: price
                        sort_key_attributetype: N
                        projection: INCLUDE
                        non_key_attributes: [title, thumbnail]
                      - index_name: byBarcode
                        pri_key_attributename: barcode
                        pri_key_attributetype: B
                        projection: KEYS_ONLY
                    local_secondary_indexes:
                      - index_name: byUpdatedAt
                        sort_key_attributename: updatedAt
                        sort_key_attributetype: S
                        projection: ALL
                    replicas: [eu-west-1]
                """.formatted(table);
    }

    /** An on-demand table keyed on {@code id}, with {@code optionalSpec} (indented lines) under optional_spec. */
    static String onDemand(String table, String optionalSpec) {
        return onDemand(table, false, optionalSpec);
    }

    /** The same, with point-in-time recovery on when {@code pitr}. */
    static String onDemand(String table, boolean pitr, String optionalSpec) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: it
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                """.formatted(table.toLowerCase(java.util.Locale.ROOT), table)
                + (pitr ? "  pitr: true\n" : "")
                + "  optional_spec:\n    billing_mode: PAY_PER_REQUEST\n" + optionalSpec;
    }

    /** An on-demand table with the named global indexes, each keyed on its own attribute. */
    static String withIndexes(String table, String... indexes) {
        StringBuilder yaml = new StringBuilder(onDemand(table, "    global_secondary_indexes:\n"));
        for (String index : indexes) {
            yaml.append("      - index_name: ").append(index).append('\n')
                    .append("        pri_key_attributename: ").append(index).append("Key\n")
                    .append("        pri_key_attributetype: S\n")
                    .append("        projection: ALL\n");
        }
        return yaml.toString();
    }
}
