package io.ddbgitops.reconcile;

import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportMarkdown;

/** The report commit's message: what changed, in one line, and {@code [skip ci]} so it triggers no pipeline. */
final class CommitMessage {
    private CommitMessage() {}

    static String of(DriftReport report) {
        String headline = ReportMarkdown.headline(report).replace("**", "");
        return "ddb-gitops: " + headline + "\n\n[skip ci]\n";
    }
}
