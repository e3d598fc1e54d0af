package io.ddbgitops.report;

import java.util.Locale;

/**
 * {@code drift/badge.svg}: a two-box, shields-style badge with the state the report leaves the tables in
 * ("in sync", "N drifted", "N failing", "N invalid"). Built from the settled state only, with widths from a
 * fixed per-character estimate, so equal states give equal bytes.
 */
public final class ReportBadge {
    static final String LABEL = "dynamodb";
    private static final int CHAR_WIDTH = 7;
    private static final int PADDING = 10;

    private ReportBadge() {}

    public static String svg(DriftReport report) {
        return svg(LABEL, message(report), color(report));
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
            return "#e05d44";
        }
        if (report.settled().differences() > 0) {
            return "#dfb317";
        }
        return s.inProgress() > 0 ? "#007ec6" : "#4c1";
    }

    static String svg(String label, String message, String color) {
        int left = width(label);
        int right = width(message);
        int total = left + right;
        return String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%3$s: %4$s">
                  <title>%3$s: %4$s</title>
                  <rect width="%2$d" height="20" fill="#555"/>
                  <rect x="%2$d" width="%5$d" height="20" fill="%6$s"/>
                  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                    <text x="%7$d" y="14">%3$s</text>
                    <text x="%8$d" y="14">%4$s</text>
                  </g>
                </svg>
                """, total, left, Escape.xml(label), Escape.xml(message), right, color, left / 2, left + right / 2);
    }

    private static int width(String text) {
        return text.length() * CHAR_WIDTH + 2 * PADDING;
    }
}
