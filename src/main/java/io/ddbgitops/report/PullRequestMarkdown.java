package io.ddbgitops.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan of a pull request as a comment: the one-line summary first, each planned table in its own
 * collapsible block, tables the change stops declaring, then validation errors as file:line (links when a
 * link prefix is given, e.g. {@code https://github.com/org/repo/blob/<sha>}).
 */
public final class PullRequestMarkdown {
    private static final Map<String, String> ICON = Map.of(
            "in_sync", "✅", "changed", "✏️", "drifted", "⚠️", "created", "🆕",
            "failed", "❌", "blocked", "⛔", "unmanaged", "❔");

    /** What the pull request compared against, and how to link files. */
    public record Context(String baseRef, int changedFiles, List<UndeclaredTable> undeclared, Optional<String> linkPrefix) {
        public Context {
            Objects.requireNonNull(baseRef, "baseRef");
            undeclared = List.copyOf(undeclared);
            linkPrefix = linkPrefix.map(p -> p.replaceAll("/+$", "")).filter(p -> !p.isEmpty());
        }
    }

    private PullRequestMarkdown() {}

    public static String render(DriftReport report, Context context) {
        StringBuilder md = new StringBuilder();
        md.append(headline(report, context)).append("\n\n");
        md.append(ChangeText.counts(report)).append("\n\n");
        ReportMarkdown.destructive(md, Disruptions.of(report));
        for (TableEntry table : report.tables()) {
            table(md, table, context, report.isPlan());
        }
        undeclared(md, context);
        errors(md, report, context);
        md.append("<sub>ddb-gitops plan against ").append(Escape.code(context.baseRef())).append(": ")
                .append(context.changedFiles()).append(context.changedFiles() == 1 ? " file" : " files")
                .append(" changed; manifests the pull request does not touch are not planned.");
        report.policy().ifPresent(policy -> md.append(" Policy: ").append(Escape.text(policy)).append('.'));
        md.append("</sub>\n");
        return md.toString();
    }

    static String headline(DriftReport report, Context context) {
        if (report.tables().isEmpty() && report.errors().isEmpty() && context.undeclared().isEmpty()) {
            return "**Plan:** no table changes: this pull request changes no `Dynamodb` manifest";
        }
        String line = ReportMarkdown.headline(report);
        int undeclared = context.undeclared().size();
        return undeclared == 0 ? line : line + " · " + undeclared + (undeclared == 1 ? " table" : " tables")
                + " no longer declared";
    }

    private static void table(StringBuilder md, TableEntry t, Context context, boolean plan) {
        md.append("<details><summary>").append(ICON.getOrDefault(t.status(), "")).append(' ')
                .append("<b>").append(Escape.html(t.namespace() + "/" + t.name())).append("</b> — <code>")
                .append(Escape.html(t.region() + "/" + t.table())).append("</code> — ")
                .append(Escape.html(ChangeText.status(t.status(), plan)))
                .append(t.changes().isEmpty() ? "" : ", " + t.changes().size() + (t.changes().size() == 1 ? " change" : " changes"))
                .append("</summary>\n\n");
        md.append("Manifest: ").append(link(t.manifest(), Optional.empty(), context)).append("\n\n");
        ReportMarkdown.destructive(md, Disruptions.of(t));
        t.messages().forEach(m -> md.append("- ").append(Escape.text(m)).append('\n'));
        if (!t.messages().isEmpty()) {
            md.append('\n');
        }
        if (!t.changes().isEmpty()) {
            md.append(Escape.fence("diff", t.changes().stream().map(c -> ChangeText.diffLine(c, false)).toList()))
                    .append('\n');
        }
        md.append("</details>\n\n");
    }

    private static void undeclared(StringBuilder md, Context context) {
        if (context.undeclared().isEmpty()) {
            return;
        }
        md.append("### No longer declared\n\n");
        for (UndeclaredTable u : context.undeclared()) {
            md.append("- ").append(Escape.code(u.region() + "/" + u.table())).append(" (").append(Escape.text(u.manifest()))
                    .append(", was in ").append(Escape.code(u.file())).append("): no manifest declares it after this change;")
                    .append(" ddb-gitops leaves the table as it is and stops managing it.\n");
        }
        md.append('\n');
    }

    private static void errors(StringBuilder md, DriftReport report, Context context) {
        if (report.errors().isEmpty()) {
            return;
        }
        md.append("### ❌ Invalid manifests\n\n");
        for (ErrorEntry e : ReportMarkdown.listedErrors(report)) {
            md.append("- ").append(link(e.file(), Optional.of(e.line()), context)).append(' ')
                    .append(e.field().isEmpty() ? "" : Escape.code(e.field()) + ": ").append(Escape.text(e.message()))
                    .append('\n');
        }
        md.append(ReportMarkdown.moreErrors(report)).append('\n');
    }

    /** {@code file:line} as code, or as a link to the line when a prefix is set. */
    static String link(String file, Optional<Integer> line, Context context) {
        String text = file + line.map(l -> ":" + l).orElse("");
        if (context.linkPrefix().isEmpty()) {
            return Escape.code(text);
        }
        return "[" + Escape.text(text) + "](" + Escape.url(context.linkPrefix().get()) + "/" + Escape.urlPath(file)
                + line.map(l -> "#L" + l).orElse("") + ")";
    }
}
