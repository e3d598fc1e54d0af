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

        assertThat(md).startsWith("**Plan:** 1 table · 1 to change\n\n"
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

        assertThat(md).startsWith("**Plan:** 0 tables · 1 table no longer declared\n")
                .contains("- `us-east-1/Old` (shop/old, was in `manifests/old.yaml`): no manifest declares it");
    }

    @Test
    void saysSoWhenNoManifestChanged() {
        String md = PullRequestMarkdown.render(report(List.of(), List.of()), context(Optional.empty()));

        assertThat(md).startsWith("**Plan:** no table changes: this pull request changes no `Dynamodb` manifest\n");
    }
}
