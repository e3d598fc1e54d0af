package io.ddbgitops.reconcile;

import io.ddbgitops.git.GitException;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.git.PublishResult;
import io.ddbgitops.git.ReportWriter;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportBadge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * {@code ddb-gitops badge}: renders the committed report's badge against the clock and, when asked, commits it if
 * it reads differently. Needs git only, no AWS, so a watchdog job can run it where the reconciler cannot: when the
 * reconciler has stopped, the badge turns "stale" instead of staying green.
 */
public final class BadgeRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(BadgeRefresh.class);

    /** The badge as it should read now, whether the report is stale, and what was published. */
    public record Outcome(String svg, boolean stale, Optional<PublishResult> published) {}

    private BadgeRefresh() {}

    public static Outcome run(RunRequest request) throws GitException {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(request.repo(), request.branch(), request.auth())) {
            DriftReport report = Reconciler.previousReport(workspace, request).orElseThrow(() -> new GitException(
                    "No readable " + Reconciler.REPORT_JSON + " on branch '" + request.reportBranch()
                            .orElse(workspace.branch()) + "': run apply (or plan --push) first"));
            // a broken config is the reconciler's to report; the badge still needs an age, so it takes the default
            io.ddbgitops.report.Freshness freshness = request.freshness(new io.ddbgitops.config.ConfigLoader()
                    .load(new CommitSource(workspace.files())).config().map(io.ddbgitops.config.RepositoryConfig::report)
                    .orElse(new io.ddbgitops.config.ReportSettings(Optional.empty())));
            boolean stale = freshness.isStale(report, request.now());
            String svg = ReportBadge.svg(report, freshness, request.now());
            Optional<PublishResult> published = Optional.empty();
            if (request.push()
                    && !Reconciler.committedFile(workspace, request, Reconciler.REPORT_BADGE).equals(Optional.of(svg))) {
                String message = "ddb-gitops: badge " + (stale ? "stale, last check " : "refreshed, checked ")
                        + report.checkedAt().orElse("at an unknown time") + "\n\n[skip ci]\n";
                published = Optional.of(workspace.publish(message, request.author(), request.reportBranch(), true,
                        ReportWriter.files(Map.of(Reconciler.REPORT_BADGE, svg))));
                LOG.info("badge: {} on {}", published.get().status(), published.get().branch());
            }
            return new Outcome(svg, stale, published);
        }
    }
}
