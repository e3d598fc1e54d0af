package io.ddbgitops.plan;

import java.util.List;

/**
 * Decides about tables no manifest declares (the driftctl idea): they are listed, never touched, except that
 * pruning deletes the ones we own whose manifest was removed — only when pruning was asked for explicitly, no
 * manifest is invalid (an invalid manifest may be the one that declares the table), deletion protection is off,
 * and after a backup.
 */
public final class UnmanagedTables {
    /** How the message of an orphaned table that apply --prune would delete ends (the report marks it). */
    public static final String WOULD_PRUNE = "apply --prune would delete it after a backup";

    private UnmanagedTables() {}

    public static UnmanagedTablePlan plan(ForeignTable table, boolean prune, boolean anyInvalidManifest) {
        if (table.owner().isEmpty()) {
            return reported(table, "not managed by ddb-gitops and not declared by any manifest; left alone");
        }
        String owner = table.owner().get();
        String orphaned = "owned by ddb-gitops (manifest " + owner + ") but no manifest declares it any more";
        if (!prune) {
            return reported(table, orphaned + "; " + WOULD_PRUNE);
        }
        if (anyInvalidManifest) {
            return reported(table, orphaned + "; not pruned because some manifests are invalid and one of them "
                    + "may declare it");
        }
        if (table.deletionProtection()) {
            return new UnmanagedTablePlan(table, UnmanagedTablePlan.Disposition.PROTECTED,
                    orphaned + "; deletion protection is on, so it is not pruned", List.of());
        }
        return new UnmanagedTablePlan(table, UnmanagedTablePlan.Disposition.PRUNE, orphaned + "; pruned after a backup",
                List.of(new Action.SafetyBackup("before pruning table " + table.id()), new Action.DeleteTable()));
    }

    private static UnmanagedTablePlan reported(ForeignTable table, String message) {
        return new UnmanagedTablePlan(table, UnmanagedTablePlan.Disposition.REPORTED, message, List.of());
    }
}
