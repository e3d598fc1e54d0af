package io.ddbgitops.reconcile;

/** Manifest texts for the integration tests, in the seed's own style. */
final class Manifests {
    private Manifests() {}

    static String table(String name, String region, String table, int read, int write, boolean pitr) {
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
}
