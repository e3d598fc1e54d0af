package io.ddbgitops.cli;

import io.ddbgitops.reconcile.RunResult;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.TableEntry;
import io.ddbgitops.report.UnmanagedEntry;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal shows the report's diff lines, marks destructive changes, and ends with the count. */
class TerminalReportTest {
    private static String print(Terminal term, String mode) {
        String action = mode.equals(DriftReport.PLAN) ? UnmanagedEntry.NONE : UnmanagedEntry.DELETED;
        List<TableEntry> tables = List.of(new TableEntry("m/orders.yaml", "shop", "orders", "us-east-1", "Orders",
                "changed", List.of(new ChangeEntry("gsi.byDay", "day:S HASH", "day:S HASH, id:S RANGE", "recreate", "git"),
                        new ChangeEntry("read_capacity", "5", "10", "update", "git")), List.of(), Map.of()));
        List<UnmanagedEntry> pruned = List.of(new UnmanagedEntry("us-east-1", "Old", "shop/old", action,
                "owned by ddb-gitops (manifest shop/old) but no manifest declares it any more; "
                        + io.ddbgitops.plan.UnmanagedTables.WOULD_PRUNE));
        DriftReport report = new DriftReport(mode, DriftReport.Summary.of(tables, 0, pruned), tables, List.of(), pruned);
        StringWriter out = new StringWriter();
        TerminalReport.print(new PrintWriter(out, true), term, new RunResult(report, "", Optional.empty()), false);
        return out.toString();
    }

    @Test
    void aPlanSaysWillChangeAndMarksTheIndexRecreate() {
        String out = print(Terminal.PLAIN, DriftReport.PLAN);

        assertThat(out).contains("  will change shop/orders".replace("shop/orders", "us-east-1/Orders"))
                .contains("      ~ gsi.byDay: day:S HASH → day:S HASH, id:S RANGE   # recreate, changed in git\n"
                        + "      !! DESTRUCTIVE: gsi.byDay is deleted and created again")
                .contains("      ~ read_capacity: 5 → 10   # update, changed in git")
                .contains("  !! DESTRUCTIVE: apply --prune deletes table us-east-1/Old")
                .endsWith("Plan: 0 to create, 1 to change, 1 to recreate, 1 to delete, 0 blocked, 2 destructive.\n");
    }

    @Test
    void anApplySaysWhatItDidAndCountsThePrunedTable() {
        String out = print(Terminal.PLAIN, DriftReport.APPLY);

        assertThat(out).contains("  changed    us-east-1/Orders").contains("!! DESTRUCTIVE: table us-east-1/Old was deleted")
                .endsWith("Apply: 0 created, 1 changed, 1 recreated, 1 deleted, 0 blocked, 2 destructive.\n");
    }

    @Test
    void colourMarksActionsAndDestructiveLines() {
        String out = print(new Terminal(true), DriftReport.PLAN);

        assertThat(out).contains("\u001b[33m~ read_capacity").contains("\u001b[31m~ gsi.byDay")
                .contains("\u001b[1;31m!! DESTRUCTIVE:");
    }

    @Test
    void namesEachTablesAccountWhenATableIsInANamedAccount() {
        List<TableEntry> tables = List.of(
                new TableEntry("a.yaml", "shop", "a", "us-east-1", "orders", "created", List.of(), List.of(), Map.of(),
                        Optional.empty(), Optional.empty(), "alpha", Optional.of("111111111111")),
                new TableEntry("b.yaml", "shop", "b", "us-east-1", "orders", "in_sync", List.of(), List.of(), Map.of()));
        DriftReport report = new DriftReport(DriftReport.APPLY, DriftReport.Summary.of(tables, 0, List.of()), tables,
                List.of(), List.of());
        StringWriter out = new StringWriter();

        TerminalReport.print(new PrintWriter(out, true), Terminal.PLAIN, new RunResult(report, "", Optional.empty()),
                false);

        assertThat(out.toString()).contains(" alpha:us-east-1/orders  a.yaml (shop/a)")
                .contains(" default:us-east-1/orders  b.yaml (shop/b)");
    }
}
