package io.ddbgitops.report;

import io.ddbgitops.plan.UnmanagedTables;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which changes are marked destructive, and the terraform-style count every rendering closes with. */
class DisruptionsTest {
    private static ChangeEntry change(String field, String from, String to, String action) {
        return new ChangeEntry(field, from, to, action, "git");
    }

    @Test
    void anIndexRecreateIsDestructive() {
        assertThat(Disruptions.of(change("gsi.byCustomer", "customer:S HASH", "customer:S HASH, day:S RANGE", "recreate")))
                .hasValueSatisfying(w -> assertThat(w).contains("gsi.byCustomer").contains("queries on it fail"));
    }

    @Test
    void aStreamViewTypeChangeOrDisableIsDestructiveButEnablingIsNot() {
        assertThat(Disruptions.of(change("stream_view_type", "KEYS_ONLY", "NEW_IMAGE", "update")))
                .hasValueSatisfying(w -> assertThat(w).contains("stream ARN").contains("KEYS_ONLY"));
        assertThat(Disruptions.of(change("stream_view_type", "NEW_IMAGE", "disabled", "update")))
                .hasValueSatisfying(w -> assertThat(w).contains("turned off"));
        assertThat(Disruptions.of(change("stream_view_type", "disabled", "NEW_IMAGE", "update"))).isEmpty();
        assertThat(Disruptions.of(change("stream_view_type", "KEYS_ONLY", "NEW_IMAGE", "blocked")))
                .as("a blocked change does nothing yet").isEmpty();
    }

    @Test
    void aReplicaRemovalIsDestructiveButAnAdditionIsNot() {
        assertThat(Disruptions.of(change("replicas", "eu-west-1, us-west-2", "us-west-2", "update")))
                .hasValueSatisfying(w -> assertThat(w).startsWith("replica eu-west-1 is removed"));
        assertThat(Disruptions.of(change("replicas", "us-west-2", "eu-west-1, us-west-2", "update"))).isEmpty();
        assertThat(Disruptions.of(change("replicas", "us-west-2", "(none)", "update"))).isPresent();
    }

    @Test
    void ordinaryChangesAreNot() {
        assertThat(Disruptions.of(change("read_capacity", "5", "10", "update"))).isEmpty();
        assertThat(Disruptions.of(change("gsi.byDay", "(none)", "day:S HASH", "create"))).isEmpty();
    }

    @Test
    void aPrunedTableIsDestructiveAndAPlanMarksWhatPruneWouldDelete() {
        UnmanagedEntry deleted = new UnmanagedEntry("us-east-1", "Old", "shop/old", UnmanagedEntry.DELETED, "pruned");
        UnmanagedEntry orphan = new UnmanagedEntry("us-east-1", "Old", "shop/old", UnmanagedEntry.NONE,
                "owned by ddb-gitops (manifest shop/old) but no manifest declares it any more; " + UnmanagedTables.WOULD_PRUNE);
        UnmanagedEntry foreign = new UnmanagedEntry("us-east-1", "Theirs", "", UnmanagedEntry.NONE, "left alone");

        assertThat(Disruptions.of(deleted, false)).hasValueSatisfying(w -> assertThat(w).contains("us-east-1/Old"));
        assertThat(Disruptions.of(orphan, true)).hasValueSatisfying(w -> assertThat(w).startsWith("apply --prune deletes"));
        assertThat(Disruptions.of(orphan, false)).isEmpty();
        assertThat(Disruptions.of(foreign, true)).isEmpty();
    }

    @Test
    void theCountSaysWhatAPlanWillDoAndAnApplyDid() {
        List<TableEntry> tables = List.of(
                new TableEntry("a.yaml", "ns", "a", "us-east-1", "A", "created",
                        List.of(change("key_schema", "(none)", "id:S HASH", "create")), List.of(), Map.of()),
                new TableEntry("b.yaml", "ns", "b", "us-east-1", "B", "changed",
                        List.of(change("gsi.g", "x", "y", "recreate"), change("read_capacity", "1", "2", "update")),
                        List.of(), Map.of()),
                new TableEntry("c.yaml", "ns", "c", "us-east-1", "C", "blocked",
                        List.of(change("key_schema", "a", "b", "blocked")), List.of(), Map.of()));

        DriftReport plan = new DriftReport(DriftReport.PLAN, DriftReport.Summary.of(tables, 0), tables, List.of());
        DriftReport apply = new DriftReport(DriftReport.APPLY, DriftReport.Summary.of(tables, 0), tables, List.of());

        assertThat(ChangeText.counts(plan))
                .isEqualTo("Plan: 1 to create, 1 to change, 1 to recreate, 0 to delete, 1 blocked, 1 destructive.");
        assertThat(ChangeText.counts(apply))
                .isEqualTo("Apply: 1 created, 1 changed, 1 recreated, 0 deleted, 1 blocked, 1 destructive.");
        assertThat(ChangeText.status("created", true)).isEqualTo("will create");
        assertThat(ChangeText.status("changed", true)).isEqualTo("will change");
        assertThat(ChangeText.status("changed", false)).isEqualTo("changed");
    }

    @Test
    void reportAndCommentWarnOfDestructiveChangesAndAPlanSaysWill() {
        List<TableEntry> tables = List.of(new TableEntry("b.yaml", "ns", "b", "us-east-1", "B", "changed",
                List.of(change("stream_view_type", "KEYS_ONLY", "NEW_IMAGE", "update")), List.of(), Map.of()));
        DriftReport plan = new DriftReport(DriftReport.PLAN, DriftReport.Summary.of(tables, 0), tables, List.of());

        String md = ReportMarkdown.render(plan);
        String comment = PullRequestMarkdown.render(plan,
                new PullRequestMarkdown.Context("main", 1, List.of(), java.util.Optional.empty()));

        for (String text : List.of(md, comment)) {
            assertThat(text).contains("> ⚠️ **DESTRUCTIVE:** the stream view type changes")
                    .contains("will change").contains("1 destructive.")
                    .contains("~ stream_view_type: KEYS_ONLY → NEW_IMAGE   # update");
        }
    }
}
