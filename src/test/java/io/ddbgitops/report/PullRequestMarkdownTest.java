package io.ddbgitops.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PullRequestMarkdownTest {
    private static final List<ErrorEntry> ERRORS = List.of(new ErrorEntry("manifests/a.yaml", 14, 5,
            "spec.pri_key_attributetype", "\"X\" is not allowed"));

    private static DriftReport report(List<TableEntry> tables, List<ErrorEntry> errors) {
        return new DriftReport(DriftReport.PLAN, DriftReport.Summary.of(tables, errors.size()), tables, errors);
    }

    private static PullRequestMarkdown.Context context(Optional<String> linkPrefix, UndeclaredTable... undeclared) {
        return new PullRequestMarkdown.Context("main", 2, List.of(undeclared), linkPrefix);
    }

    @Test
    void startsWithTheSummaryAndPutsEachTableInACollapsibleBlock() {
        TableEntry orders = new TableEntry("manifests/orders.yaml", "shop", "orders", "us-east-1", "Orders", "changed",
                List.of(new ChangeEntry("read_capacity", "20", "40", "update", "git")), List.of(), Map.of());

        String md = PullRequestMarkdown.render(report(List.of(orders), List.of()), context(Optional.empty()));

        assertThat(md).startsWith(PullRequestMarkdown.MARKER + "\n**Plan:** 1 table · 1 to change\n\n"
                        + "Plan: 0 to create, 1 to change, 0 to recreate, 0 to delete, 0 blocked, 0 destructive.\n\n"
                        + "<details><summary>✏️ <b>shop/orders</b>")
                .contains("<code>us-east-1/Orders</code> — will change, 1 change</summary>")
                .contains("Manifest: `manifests/orders.yaml`")
                .contains("```diff\n~ read_capacity: 20 → 40   # update\n```\n\n</details>");
    }

    @Test
    void linksFileAndLineWhenALinkPrefixIsGiven() {
        String md = PullRequestMarkdown.render(report(List.of(), ERRORS),
                context(Optional.of("https://github.com/org/repo/blob/abc123/")));

        assertThat(md).contains("- [manifests/a.yaml:14](https://github.com/org/repo/blob/abc123/manifests/a.yaml#L14)"
                + " `spec.pri_key_attributetype`: \"X\" is not allowed");
    }

    @Test
    void withoutAPrefixFileAndLineAreCode() {
        String md = PullRequestMarkdown.render(report(List.of(), ERRORS), context(Optional.empty()));

        assertThat(md).contains("- `manifests/a.yaml:14` `spec.pri_key_attributetype`").doesNotContain("](");
    }

    @Test
    void namesTablesThePullRequestStopsDeclaring() {
        String md = PullRequestMarkdown.render(report(List.of(), List.of()),
                context(Optional.empty(), new UndeclaredTable("manifests/old.yaml", "shop/old", "us-east-1", "Old")));

        assertThat(md).startsWith(PullRequestMarkdown.MARKER + "\n**Plan:** 0 tables · 1 table no longer declared\n")
                .contains("- `us-east-1/Old` (shop/old, was in `manifests/old.yaml`): no manifest declares it");
    }

    @Test
    void saysSoWhenNoManifestChanged() {
        String md = PullRequestMarkdown.render(report(List.of(), List.of()), context(Optional.empty()));

        assertThat(md).startsWith(PullRequestMarkdown.MARKER + "\n**Plan:** no table changes: this pull request changes no `Dynamodb` manifest\n");
    }

    private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";

    private static TableEntry changed(int i) {
        String name = String.format("table-%03d", i);
        return new TableEntry("manifests/team-" + i + "/" + name + ".yaml", "team-" + i, name, "us-east-1",
                "Table" + i, "changed", List.of(
                        new ChangeEntry("read_capacity", "20", "40", "update", "git"),
                        new ChangeEntry("write_capacity", "20", "40", "update", "git"),
                        new ChangeEntry("pitr", "disabled", "enabled", "update", "git"),
                        new ChangeEntry("gsi byCustomer", "(none)", "customer:S HASH, ALL, 5/5", "create", "git")),
                List.of("a message that explains this table in some detail, as a planner message would"), Map.of());
    }

    @Test
    void theMarkerIsTheFirstLineAndTheFooterNamesTheHeadCommitWithALinkToIt() {
        DriftReport checked = report(List.of(changed(1)), List.of()).checked(java.time.Instant.EPOCH, HEAD);

        String linked = PullRequestMarkdown.render(checked, context(Optional.of("https://github.com/org/repo/blob/" + HEAD)));
        String plain = PullRequestMarkdown.render(checked, context(Optional.empty()));
        String gitlab = PullRequestMarkdown.render(checked,
                context(Optional.of("https://gitlab.example.com/g/repo/-/blob/" + HEAD)));

        assertThat(linked.lines().findFirst()).contains("<!-- ddb-gitops:plan -->");
        assertThat(linked).contains("<sub>ddb-gitops plan of commit [`0123456`](https://github.com/org/repo/commit/"
                + HEAD + ") against `main`");
        assertThat(plain).contains("<sub>ddb-gitops plan of commit `0123456` (`" + HEAD + "`) against `main`");
        assertThat(gitlab).contains("[`0123456`](https://gitlab.example.com/g/repo/-/commit/" + HEAD + ")");
    }

    @Test
    void aShortPlanIsPostedWhole() {
        DriftReport checked = report(List.of(changed(1)), ERRORS).checked(java.time.Instant.EPOCH, HEAD);

        PullRequestMarkdown.Comment comment = PullRequestMarkdown.comment(checked, context(Optional.empty()));

        assertThat(comment.collapsed()).isFalse();
        assertThat(comment.body()).isEqualTo(comment.full()).contains("```diff");
    }

    @Test
    void threeHundredChangedTablesCollapseIntoASummaryUnderGitHubsLimitThatListsEveryTable() {
        List<TableEntry> tables = java.util.stream.IntStream.rangeClosed(1, 300).mapToObj(PullRequestMarkdownTest::changed)
                .toList();
        DriftReport checked = report(tables, ERRORS).checked(java.time.Instant.EPOCH, HEAD);
        PullRequestMarkdown.Context context = new PullRequestMarkdown.Context("main", 300, List.of(),
                Optional.of("https://github.com/org/repo/blob/" + HEAD),
                Optional.of("https://github.com/org/repo/actions/runs/42/artifacts/7"));

        PullRequestMarkdown.Comment comment = PullRequestMarkdown.comment(checked, context);

        assertThat(comment.full().length()).as("the whole plan is too long to post").isGreaterThan(65_536);
        assertThat(comment.collapsed()).isTrue();
        String body = comment.body();
        assertThat(body.length()).isLessThan(65_536);
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(65_536);
        assertThat(body).startsWith(PullRequestMarkdown.MARKER + "\n**Plan:** 300 tables · 300 to change · 1 invalid manifest\n")
                .contains("[the full plan](https://github.com/org/repo/actions/runs/42/artifacts/7)")
                .contains("of commit [`0123456`]")
                .doesNotContain("```diff").doesNotContain("more table");
        for (int i = 1; i <= 300; i++) {
            assertThat(body).contains("| `us-east-1/Table" + i + "` |");
            assertThat(comment.full()).contains("<b>team-" + i + "/" + String.format("table-%03d", i) + "</b>");
        }
        assertThat(comment.full()).contains("`spec.pri_key_attributetype`: \"X\" is not allowed");
    }

    @Test
    void aCollapsedCommentStillNamesTheDestructiveChangesTheirTablesTheHeadCommitAndTheMarker() {
        // 300 changed tables; every tenth recreates an index, and table 7 turns its stream off: 31 destructive
        List<TableEntry> tables = java.util.stream.IntStream.rangeClosed(1, 300)
                .mapToObj(i -> i % 10 == 0 ? withChange(changed(i),
                        new ChangeEntry("gsi.byDay", "day:S HASH", "day:S HASH, id:S RANGE", "recreate", "git"))
                        : i == 7 ? withChange(changed(i), new ChangeEntry("stream_view_type", "NEW_IMAGE", "disabled",
                        "update", "git")) : changed(i))
                .toList();
        DriftReport checked = report(tables, List.of()).checked(java.time.Instant.EPOCH, HEAD);
        PullRequestMarkdown.Context context = new PullRequestMarkdown.Context("main", 300, List.of(), Optional.empty(),
                Optional.of("https://github.com/org/repo/actions/runs/42/artifacts/7"));

        PullRequestMarkdown.Comment comment = PullRequestMarkdown.comment(checked, context);

        assertThat(comment.collapsed()).as("300 tables do not fit whole").isTrue();
        String body = comment.body();
        assertThat(body.length()).isLessThan(65_536);
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(65_536);
        assertThat(body.lines().findFirst()).contains(PullRequestMarkdown.MARKER);
        assertThat(body).contains("Plan: 0 to create, 300 to change, 30 to recreate, 0 to delete, 0 blocked, "
                        + "31 destructive.")
                .contains("… and " + (31 - PullRequestMarkdown.MAX_DESTRUCTIVE_IN_SUMMARY)
                        + " more destructive changes in the full plan.")
                .contains("| `us-east-1/Table300` | `manifests/team-300/table-300.yaml` | 5 (⚠️ 1 destructive) |")
                .contains("| `us-east-1/Table299` | `manifests/team-299/table-299.yaml` | 4 |")
                .contains("<sub>ddb-gitops plan of commit `0123456` (`" + HEAD + "`) against `main`");
        // the first MAX warnings in the report's order, each naming its table and why
        List<String> expected = checked.tables().stream().flatMap(t -> Disruptions.of(t).stream()
                        .map(w -> "> ⚠️ **DESTRUCTIVE:** " + t.region() + "/" + t.table() + ": " + w))
                .limit(PullRequestMarkdown.MAX_DESTRUCTIVE_IN_SUMMARY).toList();
        assertThat(body.lines().filter(l -> l.contains("DESTRUCTIVE")).toList()).isEqualTo(expected);
        assertThat(expected).anyMatch(w -> w.contains("us-east-1/Table10: gsi.byDay is deleted and created again"))
                .allMatch(w -> w.matches("> ⚠️ \\*\\*DESTRUCTIVE:\\*\\* us-east-1/Table(\\d*0|7): .*"));
        // the warnings come before the table rows, so the budget can never cut them off
        assertThat(body.indexOf("DESTRUCTIVE")).isLessThan(body.indexOf("| status | table |"));
    }

    private static TableEntry withChange(TableEntry t, ChangeEntry change) {
        List<ChangeEntry> changes = new java.util.ArrayList<>(t.changes());
        changes.add(change);
        return new TableEntry(t.manifest(), t.namespace(), t.name(), t.region(), t.table(), t.status(), changes,
                t.messages(), Map.of());
    }

    @Test
    void tablesBeyondWhatAnyCommentCanHoldAreCounted() {
        List<TableEntry> tables = java.util.stream.IntStream.rangeClosed(1, 3000).mapToObj(PullRequestMarkdownTest::changed)
                .toList();

        PullRequestMarkdown.Comment comment = PullRequestMarkdown.comment(report(tables, List.of()), context(Optional.empty()));

        assertThat(comment.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(PullRequestMarkdown.BUDGET);
        long rows = comment.body().lines().filter(l -> l.startsWith("| ✏️")).count();
        assertThat(comment.body()).contains("… and " + (3000 - rows) + " more tables in the full plan.")
                .contains("`plan --detail-out FILE`");
        assertThat(rows).isGreaterThan(300);
    }
}
