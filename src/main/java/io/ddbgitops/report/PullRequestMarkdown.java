package io.ddbgitops.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan of a pull request as a comment: a fixed marker line, the one-line summary, each planned table in its
 * own collapsible block, tables the change stops declaring, validation errors as file:line (links when a link
 * prefix is given, e.g. {@code https://github.com/org/repo/blob/<sha>}), and a footer naming the head commit.
 *
 * <p>The marker ({@link #MARKER}, an HTML comment GitHub and GitLab do not show) lets CI find and update its one
 * comment instead of adding one per push. {@link #comment} keeps the comment within GitHub's 65,536-character
 * limit: when the full plan is longer it becomes a summary table plus a link to the full plan.
 */
public final class PullRequestMarkdown {
    /** The first line of every pull-request comment; stable across versions (CI searches for it). */
    public static final String MARKER = "<!-- ddb-gitops:plan -->";
    /** GitHub refuses a comment body over 65,536 characters; counted here in UTF-8 bytes, which is never fewer. */
    public static final int MAX_COMMENT = 65_536;
    /** What a comment may use, leaving room for a CI step that adds a line or two. */
    static final int BUDGET = 60_000;
    private static final Pattern BLOB_PREFIX = Pattern.compile("^(.*?)(?:/-)?/blob/[^/]+$");
    private static final Map<String, String> ICON = Map.of(
            "in_sync", "✅", "changed", "✏️", "drifted", "⚠️", "created", "🆕",
            "failed", "❌", "blocked", "⛔", "unmanaged", "❔");

    /**
     * What the pull request compared against, how to link files, and where the full plan will be when the comment
     * has to be shortened ({@code detailUrl}, e.g. the CI job's artifact).
     */
    public record Context(String baseRef, int changedFiles, List<UndeclaredTable> undeclared, Optional<String> linkPrefix,
                          Optional<String> detailUrl) {
        public Context {
            Objects.requireNonNull(baseRef, "baseRef");
            undeclared = List.copyOf(undeclared);
            linkPrefix = linkPrefix.map(p -> p.replaceAll("/+$", "")).filter(p -> !p.isEmpty());
            detailUrl = detailUrl.filter(u -> !u.isBlank());
        }

        public Context(String baseRef, int changedFiles, List<UndeclaredTable> undeclared, Optional<String> linkPrefix) {
            this(baseRef, changedFiles, undeclared, linkPrefix, Optional.empty());
        }
    }

    /** What to post ({@code body}) and the whole plan ({@code full}); equal unless the plan was too long. */
    public record Comment(String body, String full) {
        public boolean collapsed() {
            return !body.equals(full);
        }
    }

    private PullRequestMarkdown() {}

    /** The comment to post: the full plan when it fits, else {@link #summary}. */
    public static Comment comment(DriftReport report, Context context) {
        String full = render(report, context);
        return new Comment(fits(full) ? full : summary(report, context, bytes(full)), full);
    }

    static boolean fits(String markdown) {
        return bytes(markdown) <= BUDGET;
    }

    private static int bytes(String markdown) {
        return markdown.getBytes(StandardCharsets.UTF_8).length;
    }

    /** How many destructive-change warnings a collapsed comment repeats before its table rows. */
    static final int MAX_DESTRUCTIVE_IN_SUMMARY = 20;

    /** The whole plan, however long. */
    public static String render(DriftReport report, Context context) {
        StringBuilder md = new StringBuilder(MARKER).append('\n');
        md.append(headline(report, context)).append("\n\n");
        md.append(ChangeText.counts(report)).append("\n\n");
        ReportMarkdown.destructive(md, Disruptions.of(report));
        boolean accounts = report.showsAccounts(); // once: it looks at every table
        for (TableEntry table : report.tables()) {
            table(md, table, context, report.isPlan(), accounts);
        }
        undeclared(md, context);
        errors(md, report, context);
        footer(md, report, context);
        return md.toString();
    }

    /**
     * A plan too long for one comment: one row per table (status, table, manifest, number of changes), as many as
     * fit, then counts; the per-table detail, undeclared tables and errors are in the full plan it links to.
     */
    static String summary(DriftReport report, Context context, int fullBytes) {
        StringBuilder md = new StringBuilder(MARKER).append('\n');
        md.append(headline(report, context)).append("\n\n");
        md.append(ChangeText.counts(report)).append("\n\n");
        // destructive changes stay visible when the detail is collapsed: the first few, each with its table
        List<String> destructive = Disruptions.byTable(report);
        ReportMarkdown.destructive(md, destructive.stream().limit(MAX_DESTRUCTIVE_IN_SUMMARY).toList());
        if (destructive.size() > MAX_DESTRUCTIVE_IN_SUMMARY) {
            md.append("… and ").append(destructive.size() - MAX_DESTRUCTIVE_IN_SUMMARY)
                    .append(" more destructive changes in the full plan.\n\n");
        }
        md.append("> [!NOTE]\n> The full plan (").append(fullBytes).append(" bytes) is longer than a comment may be, so ")
                .append("this comment lists each table in one row. The diffs")
                .append(context.undeclared().isEmpty() ? "" : ", the tables no longer declared")
                .append(report.errors().isEmpty() ? "" : ", the validation errors").append(" are in ")
                .append(context.detailUrl().map(u -> "[the full plan](" + Escape.url(u) + ")")
                        .orElse("the full plan the CI job keeps (`plan --detail-out FILE`)"))
                .append(".\n\n");
        StringBuilder footer = new StringBuilder();
        footer(footer, report, context);
        int reserve = bytes(footer.toString()) + 200;
        md.append("| status | table | manifest | changes |\n|---|---|---|---|\n");
        int listed = 0;
        boolean accounts = report.showsAccounts(); // once: it looks at every table
        for (TableEntry t : report.tables()) {
            String row = "| " + ICON.getOrDefault(t.status(), "") + ' ' + Escape.text(ChangeText.status(t.status(), report.isPlan()))
                    + " | " + Escape.codeInCell(t.where(accounts)) + " | " + link(t.manifest(), Optional.empty(), context)
                    + " | " + t.changes().size() + destructiveCount(t) + " |\n";
            if (bytes(md.toString()) + bytes(row) + reserve > BUDGET) {
                break;
            }
            md.append(row);
            listed++;
        }
        int unlisted = report.tables().size() - listed;
        if (unlisted > 0) {
            md.append("\n… and ").append(unlisted).append(unlisted == 1 ? " more table" : " more tables")
                    .append(" in the full plan.\n");
        }
        md.append('\n');
        return md.append(footer).toString();
    }

    private static String destructiveCount(TableEntry t) {
        int destructive = Disruptions.of(t).size();
        return destructive == 0 ? "" : " (⚠️ " + destructive + " destructive)";
    }

    private static void footer(StringBuilder md, DriftReport report, Context context) {
        md.append("<sub>ddb-gitops plan").append(report.commit().map(c -> " of " + commit(c, context)).orElse(""))
                .append(" against ").append(Escape.code(context.baseRef())).append(": ")
                .append(context.changedFiles()).append(context.changedFiles() == 1 ? " file" : " files")
                .append(" changed; manifests the pull request does not touch are not planned.");
        report.policy().ifPresent(policy -> md.append(" Policy: ").append(Escape.text(policy)).append('.'));
        md.append("</sub>\n");
    }

    /** The short id, linked to the commit's page when the link prefix is a GitHub or GitLab {@code blob} URL. */
    static String commit(String id, Context context) {
        String shortId = Escape.code(id.substring(0, Math.min(7, id.length())));
        Optional<Matcher> blob = context.linkPrefix().map(BLOB_PREFIX::matcher).filter(Matcher::matches);
        if (blob.isEmpty()) {
            return "commit " + shortId + " (" + Escape.code(id) + ")";
        }
        String base = blob.get().group(1);
        String commitPath = context.linkPrefix().get().contains("/-/blob/") ? "/-/commit/" : "/commit/";
        return "commit [" + shortId + "](" + Escape.url(base + commitPath + id) + ")";
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

    private static void table(StringBuilder md, TableEntry t, Context context, boolean plan, boolean accounts) {
        md.append("<details><summary>").append(ICON.getOrDefault(t.status(), "")).append(' ')
                .append("<b>").append(Escape.html(t.namespace() + "/" + t.name())).append("</b> — <code>")
                .append(Escape.html(t.where(accounts))).append("</code> — ")
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
