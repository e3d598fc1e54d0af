package io.ddbgitops.report;

import java.util.List;
import java.util.Map;

/**
 * Renders {@code drift/REPORT.md}: a one-line summary, a summary table, then one section per table that is
 * not in sync with a terraform-style diff inside a {@code <details>} block, then validation errors. Reads
 * well as a pull-request comment.
 */
public final class ReportMarkdown {
    private static final Map<String, String> ICON = Map.of(
            "in_sync", "✅", "changed", "✏️", "drifted", "⚠️", "created", "🆕",
            "failed", "❌", "blocked", "⛔", "unmanaged", "❔", "in_progress", "⏳");

    /** How many validation errors REPORT.md and the pull-request comment list (GitHub caps a comment at 65,536 characters). */
    static final int MAX_LISTED_ERRORS = 200;

    private ReportMarkdown() {}

    public static String render(DriftReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ddb-gitops ").append(report.isPlan() ? "plan" : "drift report").append("\n\n");
        md.append(headline(report)).append("\n\n");
        checked(report).ifPresent(line -> md.append(line).append("\n\n"));
        md.append(ChangeText.counts(report)).append("\n\n");
        destructive(md, Disruptions.of(report));
        report.policy().ifPresent(policy -> md.append("Policy: ").append(Escape.text(policy)).append("\n\n"));
        summaryTable(md, report);
        BackupMarkdown.append(md, report);
        boolean accounts = report.showsAccounts(); // once: it looks at every table, so per table is quadratic
        for (TableEntry table : report.tables()) {
            if (!table.status().equals("in_sync") || !table.messages().isEmpty()) {
                tableSection(md, report, table, accounts);
            }
        }
        undeclared(md, report.unmanaged());
        errors(md, report);
        return md.toString();
    }

    /** "Checked <time> at commit <sha>.": when and what the report is about; empty for a report without them. */
    static java.util.Optional<String> checked(DriftReport report) {
        return report.checkedAt().map(at -> "Checked " + at
                + report.commit().map(c -> " at commit `" + c + "`").orElse("") + ".");
    }

    /** The one line a reviewer reads first. */
    public static String headline(DriftReport report) {
        DriftReport.Summary s = report.summary();
        String verb = report.isPlan() ? "Plan" : "Applied";
        StringBuilder line = new StringBuilder("**").append(verb).append(":** ")
                .append(report.tables().size()).append(report.tables().size() == 1 ? " table" : " tables");
        appendCount(line, s.inSync(), "in sync");
        appendCount(line, s.created(), report.isPlan() ? "to create" : "created");
        appendCount(line, s.changed(), report.isPlan() ? "to change" : "changed");
        appendCount(line, s.drifted(), "drifted");
        appendCount(line, s.blocked(), "blocked");
        appendCount(line, s.inProgress(), "in progress");
        appendCount(line, s.unmanaged(), "unmanaged");
        appendCount(line, s.failed(), "failed");
        appendCount(line, s.invalid(), s.invalid() == 1 ? "invalid manifest" : "invalid manifests");
        return line.toString();
    }

    private static void appendCount(StringBuilder line, int count, String label) {
        if (count > 0) {
            line.append(" · ").append(count).append(' ').append(label);
        }
    }

    private static void summaryTable(StringBuilder md, DriftReport report) {
        if (report.tables().isEmpty()) {
            return;
        }
        boolean accounts = report.showsAccounts();
        md.append(accounts ? "| status | manifest | account | region | table | changes |\n"
                : "| status | manifest | region | table | changes |\n");
        md.append(accounts ? "|---|---|---|---|---|---|\n" : "|---|---|---|---|---|\n");
        for (TableEntry t : report.tables()) {
            md.append("| ").append(ICON.getOrDefault(t.status(), "")).append(' ').append(status(report, t))
                    .append(" | ").append(Escape.codeInCell(t.manifest()))
                    .append(" (").append(Escape.text(t.namespace() + "/" + t.name())).append(") | ")
                    .append(accounts ? Escape.text(t.accountLabel()) + " | " : "")
                    .append(Escape.text(t.region())).append(" | ").append(Escape.text(t.table()))
                    .append(" | ").append(t.changes().size()).append(" |\n");
        }
        md.append('\n');
    }

    private static void tableSection(StringBuilder md, DriftReport report, TableEntry t, boolean accounts) {
        md.append("## ").append(ICON.getOrDefault(t.status(), "")).append(' ')
                .append(Escape.text(t.namespace() + "/" + t.name())).append(" — ")
                .append(Escape.code(t.where(accounts))).append(" — ").append(status(report, t))
                .append("\n\n");
        destructive(md, Disruptions.of(t));
        for (String message : t.messages()) {
            md.append("- ").append(Escape.text(message)).append('\n');
        }
        for (ChangeEntry c : t.changes()) {
            if (c.action().equals("in_progress")) {
                md.append("- in progress since ").append(Escape.text(c.since().orElse("?"))).append(": ")
                        .append(Escape.code(c.field())).append(" (").append(Escape.text(c.from() + " → " + c.to()))
                        .append(")\n");
            } else if (c.action().equals("pending")) {
                md.append("- pending until the work in progress is done: ").append(Escape.code(c.field())).append('\n');
            } else if (c.possibleAt().isPresent()) {
                md.append("- blocked until ").append(Escape.text(c.possibleAt().get())).append(": ")
                        .append(Escape.code(c.field())).append('\n');
            }
        }
        if (!t.messages().isEmpty() || t.changes().stream().anyMatch(c -> c.action().equals("in_progress")
                || c.action().equals("pending") || c.possibleAt().isPresent())) {
            md.append('\n');
        }
        if (t.changes().isEmpty()) {
            return;
        }
        md.append("<details><summary>").append(t.changes().size())
                .append(t.changes().size() == 1 ? " change" : " changes").append("</summary>\n\n");
        md.append(Escape.fence("diff", t.changes().stream().map(c -> ChangeText.diffLine(c, true)).toList()));
        md.append("\n</details>\n\n");
    }

    /** One warning line per destructive change, so that no reader of the report or the comment misses it. */
    static void destructive(StringBuilder md, List<String> warnings) {
        warnings.forEach(w -> md.append("> ⚠️ **").append(Disruptions.LABEL).append(":** ").append(Escape.text(w))
                .append("\n"));
        if (!warnings.isEmpty()) {
            md.append('\n');
        }
    }

    /** A table's status in words ("will create" in a plan), escaped for Markdown text. */
    static String status(DriftReport report, TableEntry t) {
        return Escape.text(ChangeText.status(t.status(), report.isPlan()));
    }

    private static void undeclared(StringBuilder md, List<UnmanagedEntry> tables) {
        if (tables.isEmpty()) {
            return;
        }
        md.append("## ❔ Tables no manifest declares\n\n");
        boolean accounts = tables.stream().anyMatch(u -> !u.account().equals(io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT));
        md.append(accounts ? "| account | region | table | owner | action | note |\n|---|---|---|---|---|---|\n"
                : "| region | table | owner | action | note |\n|---|---|---|---|---|\n");
        for (UnmanagedEntry u : tables) {
            md.append("| ").append(accounts ? Escape.text(u.account()) + " | " : "")
                    .append(Escape.text(u.region())).append(" | ").append(Escape.text(u.table())).append(" | ")
                    .append(u.owner().isEmpty() ? "—" : Escape.codeInCell(u.owner())).append(" | ")
                    .append(Escape.text(u.action())).append(" | ").append(Escape.text(u.message())).append(" |\n");
        }
        md.append('\n');
    }

    private static void errors(StringBuilder md, DriftReport report) {
        if (report.errors().isEmpty()) {
            return;
        }
        md.append("## ❌ Invalid manifests\n\n");
        md.append("Nothing was applied for these; the other manifests were.\n\n");
        for (ErrorEntry e : listedErrors(report)) {
            md.append("- ").append(Escape.code(e.file() + ":" + e.line() + ":" + e.column())).append(' ')
                    .append(e.field().isEmpty() ? "" : Escape.code(e.field()) + ": ").append(Escape.text(e.message()))
                    .append('\n');
        }
        md.append(moreErrors(report)).append('\n');
    }

    /** The errors the Markdown lists: the first {@link #MAX_LISTED_ERRORS}, so the report stays readable. */
    static List<ErrorEntry> listedErrors(DriftReport report) {
        return report.errors().subList(0, Math.min(report.errors().size(), MAX_LISTED_ERRORS));
    }

    /** The list item that says how many errors are not listed; empty when all are. */
    static String moreErrors(DriftReport report) {
        int more = report.errorsTotal() - listedErrors(report).size();
        if (more <= 0) {
            return "";
        }
        return "- … and " + more + (more == 1 ? " more error" : " more errors") + ", not listed here: "
                + "`drift/report.json` lists the first " + DriftReport.MAX_ERRORS + " and `ddb-gitops validate` prints all "
                + report.errorsTotal() + ".\n";
    }
}
