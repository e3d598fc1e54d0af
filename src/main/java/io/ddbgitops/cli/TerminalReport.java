package io.ddbgitops.cli;

import io.ddbgitops.config.RepositoryConfig;
import io.ddbgitops.git.PublishResult;
import io.ddbgitops.reconcile.RunResult;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.ChangeText;
import io.ddbgitops.report.Disruptions;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportMarkdown;
import io.ddbgitops.report.TableEntry;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A run's outcome on standard output: the headline, one row per table with the same diff lines as the report's
 * change blocks (green +, yellow ~, red - on a colour terminal), destructive changes marked "!! DESTRUCTIVE",
 * validation errors, and the terraform-style count last.
 */
final class TerminalReport {
    private TerminalReport() {}

    static void print(PrintWriter out, Terminal term, RunResult result, boolean push) {
        print(out, term, result, push, List.of());
    }

    /** {@code notes} (such as where the report file went) come just above the count, which stays the last line. */
    static void print(PrintWriter out, Terminal term, RunResult result, boolean push, List<String> notes) {
        DriftReport report = result.report();
        out.println(ReportMarkdown.headline(report).replace("**", ""));
        boolean accounts = report.showsAccounts(); // once: it looks at every table
        for (TableEntry t : report.tables()) {
            out.printf("  %-10s %s  %s (%s)%n", ChangeText.status(t.status(), report.isPlan()),
                    t.where(accounts), t.manifest(), t.namespace() + "/" + t.name());
            t.messages().forEach(m -> out.println("             " + m));
            for (ChangeEntry c : t.changes()) {
                out.println("      " + term.paint(ChangeText.diffLine(c, true), style(c.action())));
                Disruptions.of(c).ifPresent(w -> out.println("      " + destructive(term, w)));
            }
        }
        report.unmanaged().forEach(u -> Disruptions.of(u, report.isPlan())
                .ifPresent(w -> out.println("  " + destructive(term, w))));
        report.errors().forEach(e -> out.printf("  invalid    %s:%d:%d: %s%s%n", e.file(), e.line(),
                e.column(), e.field().isEmpty() ? "" : e.field() + ": ", e.message()));
        int unlisted = report.errorsTotal() - report.errors().size();
        if (unlisted > 0) {
            out.printf("  invalid    … and %d more errors (ddb-gitops validate prints them all)%n", unlisted);
        }
        published(out, result, push);
        notes.forEach(out::println);
        out.println(ChangeText.counts(report));
    }

    private static String destructive(Terminal term, String warning) {
        return term.paint("!! " + Disruptions.LABEL + ": " + warning, Terminal.Style.RED_BOLD);
    }

    private static Terminal.Style style(String action) {
        return switch (action) {
            case "create" -> Terminal.Style.GREEN;
            case "delete", "recreate", "blocked" -> Terminal.Style.RED;
            default -> Terminal.Style.YELLOW;
        };
    }

    private static void published(PrintWriter out, RunResult result, boolean push) {
        if (result.publishFailure().isPresent()) {
            out.println("report: not published (see the error)");
        } else if (result.published().isPresent()) {
            PublishResult p = result.published().get();
            out.println("report: " + p.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " (branch " + p.branch() + p.commitId().map(c -> ", commit " + c).orElse("") + ")");
        } else if (push && result.report().errors().stream().anyMatch(e -> e.file().equals(RepositoryConfig.FILE))) {
            out.println("report: not pushed, because " + RepositoryConfig.FILE + " is invalid");
        } else if (push) {
            out.println("report: unchanged since the last run, nothing to commit");
        }
    }
}
