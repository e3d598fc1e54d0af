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

    private ReportMarkdown() {}

    public static String render(DriftReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ddb-gitops ").append(report.isPlan() ? "plan" : "drift report").append("\n\n");
        md.append(headline(report)).append("\n\n");
        summaryTable(md, report);
        BackupMarkdown.append(md, report);
        for (TableEntry table : report.tables()) {
            if (!table.status().equals("in_sync") || !table.messages().isEmpty()) {
                tableSection(md, report, table);
            }
        }
        undeclared(md, report.unmanaged());
        errors(md, report.errors());
        return md.toString();
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
        md.append("| status | manifest | region | table | changes |\n");
        md.append("|---|---|---|---|---|\n");
        for (TableEntry t : report.tables()) {
            md.append("| ").append(ICON.getOrDefault(t.status(), "")).append(' ').append(t.status().replace('_', ' '))
                    .append(" | `").append(t.manifest()).append("` (").append(t.namespace()).append('/').append(t.name())
                    .append(") | ").append(t.region()).append(" | ").append(t.table())
                    .append(" | ").append(t.changes().size()).append(" |\n");
        }
        md.append('\n');
    }

    private static void tableSection(StringBuilder md, DriftReport report, TableEntry t) {
        md.append("## ").append(ICON.getOrDefault(t.status(), "")).append(' ').append(t.namespace()).append('/')
                .append(t.name()).append(" — `").append(t.region()).append('/').append(t.table()).append("` — ")
                .append(t.status().replace('_', ' ')).append("\n\n");
        for (String message : t.messages()) {
            md.append("- ").append(message).append('\n');
        }
        for (ChangeEntry c : t.changes()) {
            if (c.action().equals("in_progress")) {
                md.append("- in progress since ").append(c.since().orElse("?")).append(": `").append(c.field())
                        .append("` (").append(c.from()).append(" → ").append(c.to()).append(")\n");
            } else if (c.action().equals("pending")) {
                md.append("- pending until the work in progress is done: `").append(c.field()).append("`\n");
            } else if (c.possibleAt().isPresent()) {
                md.append("- blocked until ").append(c.possibleAt().get()).append(": `").append(c.field())
                        .append("`\n");
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
        md.append("```diff\n");
        diff(md, t.changes());
        md.append("```\n\n</details>\n\n");
    }

    private static void diff(StringBuilder md, List<ChangeEntry> changes) {
        for (ChangeEntry c : changes) {
            String sign = switch (c.action()) {
                case "create" -> "+";
                case "delete" -> "-";
                case "blocked" -> "!";
                case "in_progress", "pending" -> ">";
                default -> "~";
            };
            md.append(sign).append(' ').append(c.field()).append(": ");
            if (!c.action().equals("create")) {
                md.append(c.from()).append(" → ");
            }
            md.append(c.to()).append("   # ").append(c.action().replace('_', ' '))
                    .append(c.since().map(t -> " since " + t).orElse(""))
                    .append(c.possibleAt().map(t -> ", possible at " + t).orElse("")).append(", ")
                    .append(c.cause().equals("drift") ? "drifted outside git" : "changed in git").append('\n');
        }
    }

    private static void undeclared(StringBuilder md, List<UnmanagedEntry> tables) {
        if (tables.isEmpty()) {
            return;
        }
        md.append("## ❔ Tables no manifest declares\n\n");
        md.append("| region | table | owner | action | note |\n|---|---|---|---|---|\n");
        for (UnmanagedEntry u : tables) {
            md.append("| ").append(u.region()).append(" | ").append(u.table()).append(" | ")
                    .append(u.owner().isEmpty() ? "—" : "`" + u.owner() + "`").append(" | ").append(u.action())
                    .append(" | ").append(u.message()).append(" |\n");
        }
        md.append('\n');
    }

    private static void errors(StringBuilder md, List<ErrorEntry> errors) {
        if (errors.isEmpty()) {
            return;
        }
        md.append("## ❌ Invalid manifests\n\n");
        md.append("Nothing was applied for these; the other manifests were.\n\n");
        for (ErrorEntry e : errors) {
            md.append("- `").append(e.file()).append(':').append(e.line()).append(':').append(e.column()).append("` ")
                    .append(e.field().isEmpty() ? "" : "`" + e.field() + "`: ").append(e.message()).append('\n');
        }
        md.append('\n');
    }
}
