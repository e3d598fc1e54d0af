package io.ddbgitops.report;

import java.util.List;
import java.util.Map;

/** A report with one table in every status and an invalid manifest, used by the golden-file tests. */
final class ReportFixtures {
    static final java.time.Instant CHECKED_AT = java.time.Instant.parse("2026-11-21T12:00:00.250Z");
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private ReportFixtures() {}

    static DriftReport mixed(String mode) {
        Map<String, String> applied = Map.of("key_schema", "customer:S HASH", "read_capacity", "20");
        List<TableEntry> tables = List.of(
                new TableEntry("manifests/shop/orders.yaml", "shop", "orders", "us-east-1", "Orders", "changed",
                        List.of(new ChangeEntry("write_capacity", "30", "40", "update", "git"),
                                new ChangeEntry("read_capacity", "20", "25", "update", "git")),
                        List.of(), applied),
                new TableEntry("manifests/shop/carts.yaml", "shop", "carts", "us-east-1", "Carts", "in_sync",
                        List.of(), List.of(), applied).withBackup(BackupFixtures.nightly()),
                new TableEntry("manifests/shop/sessions.yaml", "shop", "sessions", "eu-west-1", "Sessions", "drifted",
                        List.of(new ChangeEntry("pitr", "disabled", "enabled", "update", "drift")), List.of(), applied),
                new TableEntry("manifests/people/people.yaml", "people", "people", "us-east-1", "People", "created",
                        List.of(new ChangeEntry("key_schema", "(none)", "name:S HASH", "create", "git")), List.of(),
                        applied),
                new TableEntry("manifests/legacy/users.yaml", "legacy", "users", "us-east-1", "Users", "blocked",
                        List.of(new ChangeEntry("key_schema", "id:S HASH", "id:N HASH", "blocked", "git")),
                        List.of("key_schema cannot be changed in place"), Map.of()),
                new TableEntry("manifests/legacy/audit.yaml", "legacy", "audit", "us-east-1", "Audit", "unmanaged",
                        List.of(), List.of("table us-east-1/Audit exists but is not managed by ddb-gitops"), Map.of()),
                new TableEntry("manifests/legacy/events.yaml", "legacy", "events", "us-east-1", "Events", "failed",
                        List.of(), List.of("create table us-east-1/Events failed: LimitExceededException: too many"),
                        Map.of()));
        List<ErrorEntry> errors = List.of(new ErrorEntry("manifests/bad.yaml", 14, 5,
                "spec.optional_spec.sort_key_keytype", "\"HASH\" is not allowed; a sort key is always RANGE"));
        List<UnmanagedEntry> undeclared = List.of(
                new UnmanagedEntry("us-east-1", "Scratch", "", UnmanagedEntry.NONE,
                        "not managed by ddb-gitops and not declared by any manifest; left alone"),
                new UnmanagedEntry("us-east-1", "OldCarts", "shop/old-carts", UnmanagedEntry.NONE,
                        "owned by ddb-gitops (manifest shop/old-carts) but no manifest declares it any more; "
                                + "apply --prune would delete it after a backup"));
        return new DriftReport(mode, DriftReport.Summary.of(tables, 1, undeclared), tables, errors, undeclared)
                .checked(CHECKED_AT, COMMIT);
    }
}
