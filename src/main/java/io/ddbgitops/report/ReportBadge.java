package io.ddbgitops.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code drift/badge.svg}: a two-box, shields-style badge with the state the report leaves the tables in
 * ("in sync", "N drifted", "N failing", "N invalid") and the day of the check ("in sync · 2026-12-01"). Built
 * from the settled state and {@code checked_at} only, with widths from a fixed per-character estimate, so equal
 * states checked at the same time give equal bytes.
 *
 * <p>The file is static, so it cannot turn stale by itself. The date is always on it; a run that fails before it
 * can report writes {@link #failed}; {@code ddb-gitops badge} re-renders it against the clock ({@link #svg(DriftReport,
 * Freshness, Instant)}), so a watchdog can mark a stopped job's badge stale.
 */
public final class ReportBadge {
    static final String LABEL = "dynamodb";
    private static final int CHAR_WIDTH = 7;
    private static final int PADDING = 10;

    private ReportBadge() {}

    static final String STALE_COLOR = "#9f9f9f";
    static final String FAILED_COLOR = "#e05d44";

    public static String svg(DriftReport report) {
        return svg(LABEL, message(report) + day(report.checkedAt()), color(report), title(report));
    }

    /** The badge as it should read at {@code now}: "stale · <day of the last check>" in grey once it is too old. */
    public static String svg(DriftReport report, Freshness freshness, Instant now) {
        if (!freshness.isStale(report, now)) {
            return svg(report);
        }
        return svg(LABEL, "stale" + day(report.checkedAt()), STALE_COLOR,
                // not the clock: a watchdog that re-renders a stale badge must get the same bytes every time
                "last checked " + report.checkedAt().orElse("at an unknown time") + ", more than "
                        + freshness.staleAfter() + " ago; is the job still running?");
    }

    /** What a run that failed before it could report pushes: never green, with the day it failed. */
    public static String failed(Optional<DriftReport> last, Instant now) {
        String when = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return svg(LABEL, "run failed" + day(Optional.of(when)), FAILED_COLOR, "the run at " + when
                + " failed before it could report; last report: " + last.flatMap(DriftReport::checkedAt).orElse("none"));
    }

    private static String day(Optional<String> checkedAt) {
        return checkedAt.map(at -> " · " + at.substring(0, Math.min(10, at.length()))).orElse("");
    }

    private static String title(DriftReport report) {
        return report.checkedAt().map(at -> "checked " + at + report.commit().map(c -> " at " + c).orElse(""))
                .orElse("");
    }

    /** The right-hand text: failures first, then invalid manifests, then tables that differ from git, then long work. */
    public static String message(DriftReport report) {
        DriftReport.Summary s = report.settled().summary();
        if (s.failed() > 0) {
            return s.failed() + " failing";
        }
        if (s.invalid() > 0) {
            return s.invalid() + " invalid";
        }
        int differing = report.settled().differences();
        if (differing > 0) {
            return differing + " drifted";
        }
        return s.inProgress() > 0 ? s.inProgress() + " in progress" : "in sync";
    }

    private static String color(DriftReport report) {
        DriftReport.Summary s = report.settled().summary();
        if (s.failed() > 0 || s.invalid() > 0) {
            return FAILED_COLOR;
        }
        if (report.settled().differences() > 0) {
            return "#dfb317";
        }
        return s.inProgress() > 0 ? "#007ec6" : "#4c1";
    }

    static String svg(String label, String message, String color) {
        return svg(label, message, color, "");
    }

    /** {@code detail} goes into the tooltip only, after the badge's own text. */
    static String svg(String label, String message, String color, String detail) {
        String title = detail.isEmpty() ? label + ": " + message : label + ": " + message + " (" + detail + ")";
        int left = width(label);
        int right = width(message);
        int total = left + right;
        return String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%3$s: %4$s">
                  <title>%9$s</title>
                  <rect width="%2$d" height="20" fill="#555"/>
                  <rect x="%2$d" width="%5$d" height="20" fill="%6$s"/>
                  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                    <text x="%7$d" y="14">%3$s</text>
                    <text x="%8$d" y="14">%4$s</text>
                  </g>
                </svg>
                """, total, left, Escape.xml(label), Escape.xml(message), right, color, left / 2, left + right / 2,
                Escape.xml(title));
    }

    private static int width(String text) {
        return text.length() * CHAR_WIDTH + 2 * PADDING;
    }
}
