package io.ddbgitops.reconcile;

import io.ddbgitops.git.PublishResult;
import io.ddbgitops.report.DriftReport;

import java.util.Optional;

/**
 * The outcome of one run: the report, its Markdown, and what was published. Exit codes follow
 * {@code terraform plan -detailed-exitcode}: 1 when a table failed, else 3 when a manifest was invalid, else 2
 * when the tables and the repository still differ (a plan with changes, or an apply that left a change blocked or
 * a table unmanaged), else 0. Long work left running is not a difference: an apply that only started index
 * backfills (or found them still running) exits 0, and the next run continues; a plan exits 2 while changes wait
 * for such work ({@code pending}). {@code published} is empty when no push was asked for, or when nothing changed
 * since the previous report. {@code markdown} is what is posted or committed; {@code detail} is the whole plan,
 * the same text unless a pull-request comment had to be shortened. {@code publishFailure} says why the report could
 * not be committed or pushed (a hook refused it, say) after the tables were changed: the run is an error, and the
 * report says what it applied.
 */
public record RunResult(DriftReport report, String markdown, Optional<PublishResult> published, String detail,
                        Optional<String> publishFailure) {

    public RunResult(DriftReport report, String markdown, Optional<PublishResult> published, String detail) {
        this(report, markdown, published, detail, Optional.empty());
    }

    public RunResult(DriftReport report, String markdown, Optional<PublishResult> published,
                     Optional<String> publishFailure) {
        this(report, markdown, published, markdown, publishFailure);
    }

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int DIFFERENCES = 2;
    public static final int INVALID = 3;

    public RunResult(DriftReport report, String markdown, Optional<PublishResult> published) {
        this(report, markdown, published, markdown);
    }

    public int exitCode() {
        DriftReport.Summary s = report.summary();
        boolean pruneFailed = report.unmanaged().stream()
                .anyMatch(u -> u.action().equals(io.ddbgitops.report.UnmanagedEntry.FAILED));
        if (s.failed() > 0 || pruneFailed || publishFailure.isPresent()) {
            return ERROR;
        }
        if (s.invalid() > 0) {
            return INVALID;
        }
        // After an apply, what was created, changed or fixed no longer differs; what remains is.
        int remaining = report.isPlan() ? report.differences() + waiting(report) : report.settled().differences();
        return remaining > 0 ? DIFFERENCES : OK;
    }

    private static int waiting(DriftReport report) {
        return (int) report.tables().stream().filter(t -> t.status().equals("in_progress"))
                .filter(t -> t.changes().stream().anyMatch(c -> c.action().equals("pending"))).count();
    }
}
