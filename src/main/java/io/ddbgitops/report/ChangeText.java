package io.ddbgitops.report;

import java.util.StringJoiner;

/**
 * Plain-text pieces every rendering of a report shares, so that the terminal, REPORT.md and the pull-request
 * comment show the same diff lines, status words and counts: Markdown and ANSI colour are added around them.
 */
public final class ChangeText {
    private ChangeText() {}

    /** One field's diff line, terraform style; {@code withCause} adds whether git or drift moved it. */
    public static String diffLine(ChangeEntry c, boolean withCause) {
        return sign(c.action()) + " " + c.field() + ": " + (c.action().equals("create") ? "" : c.from() + " → ")
                + c.to() + "   # " + c.action().replace('_', ' ') + c.since().map(t -> " since " + t).orElse("")
                + c.possibleAt().map(t -> ", possible at " + t).orElse("")
                + (withCause ? ", " + (c.cause().equals("drift") ? "drifted outside git" : "changed in git") : "");
    }

    /** The terraform-style sign of a change's action in a diff. */
    public static String sign(String action) {
        return switch (action) {
            case "create" -> "+";
            case "delete" -> "-";
            case "blocked" -> "!";
            case "in_progress", "pending" -> ">";
            default -> "~";
        };
    }

    /** A table's status in words: a plan says what would happen ("will create"), an apply what did. */
    public static String status(String status, boolean plan) {
        if (plan) {
            switch (status) {
                case "created": return "will create";
                case "changed": return "will change";
                default: break;
            }
        }
        return status.replace('_', ' ');
    }

    /**
     * The closing count, terraform style: "Plan: 2 to create, 3 to change, 1 to recreate, 0 to delete, 1 blocked,
     * 1 destructive." Changed counts tables changed in git and tables whose drift is fixed; recreate counts
     * indexes deleted and created again; delete counts pruned tables (in a plan: those apply --prune deletes).
     */
    public static String counts(DriftReport report) {
        boolean plan = report.isPlan();
        DriftReport.Summary s = report.summary();
        long recreate = report.tables().stream().flatMap(t -> t.changes().stream())
                .filter(c -> c.action().equals("recreate")).count();
        long delete = report.unmanaged().stream().filter(u -> Disruptions.of(u, plan).isPresent()).count();
        StringJoiner line = new StringJoiner(", ", plan ? "Plan: " : "Apply: ", ".");
        line.add(s.created() + (plan ? " to create" : " created"));
        line.add((s.changed() + s.drifted()) + (plan ? " to change" : " changed"));
        line.add(recreate + (plan ? " to recreate" : " recreated"));
        line.add(delete + (plan ? " to delete" : " deleted"));
        line.add(s.blocked() + " blocked");
        if (s.inProgress() > 0) {
            line.add(s.inProgress() + " in progress");
        }
        if (s.failed() > 0) {
            line.add(s.failed() + " failed");
        }
        line.add(Disruptions.of(report).size() + " destructive");
        return line.toString();
    }
}
