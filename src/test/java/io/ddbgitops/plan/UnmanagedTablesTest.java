package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UnmanagedTablesTest {
    private static final ForeignTable THEIRS = new ForeignTable(new TableId("us-east-1", "Theirs"), Optional.empty(), false);
    private static final ForeignTable ORPHAN = new ForeignTable(new TableId("us-east-1", "Old"), Optional.of("shop/old"), false);

    @Test
    void neverTouchesATableItDoesNotOwnEvenWhenPruning() {
        UnmanagedTablePlan plan = UnmanagedTables.plan(THEIRS, true, false);

        assertThat(plan.disposition()).isEqualTo(UnmanagedTablePlan.Disposition.REPORTED);
        assertThat(plan.actions()).isEmpty();
    }

    @Test
    void onlyReportsAnOrphanWithoutPrune() {
        UnmanagedTablePlan plan = UnmanagedTables.plan(ORPHAN, false, false);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.message()).contains("shop/old").contains("--prune");
    }

    @Test
    void prunesAnOrphanAfterABackup() {
        UnmanagedTablePlan plan = UnmanagedTables.plan(ORPHAN, true, false);

        assertThat(plan.disposition()).isEqualTo(UnmanagedTablePlan.Disposition.PRUNE);
        assertThat(plan.actions()).containsExactly(new Action.SafetyBackup("before pruning table us-east-1/Old"),
                new Action.DeleteTable());
    }

    @Test
    void keepsAnOrphanWithDeletionProtection() {
        ForeignTable protectedOrphan = new ForeignTable(ORPHAN.id(), ORPHAN.owner(), true);

        UnmanagedTablePlan plan = UnmanagedTables.plan(protectedOrphan, true, false);

        assertThat(plan.disposition()).isEqualTo(UnmanagedTablePlan.Disposition.PROTECTED);
        assertThat(plan.actions()).isEmpty();
    }

    @Test
    void prunesNothingWhileAManifestIsInvalid() {
        UnmanagedTablePlan plan = UnmanagedTables.plan(ORPHAN, true, true);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.message()).contains("invalid");
    }
}
