package io.ddbgitops.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that decides which changes destroy or disrupt something a reader must not miss: an index that is
 * deleted and created again (queries on it fail until it is ACTIVE), a stream whose view type changes or that is
 * turned off (consumers lose the old stream ARN), a replica removed (its region's copy is deleted) and a pruned
 * table. The terminal, REPORT.md and the pull-request comment all mark and count what this returns.
 */
public final class Disruptions {
    /** The words every warning starts with, so that a reader (or grep) finds them all. */
    public static final String LABEL = "DESTRUCTIVE";

    private Disruptions() {}

    /** Why this field change is destructive, or empty when it is not. */
    public static Optional<String> of(ChangeEntry c) {
        if (c.action().equals("recreate")) {
            return Optional.of(c.field() + " is deleted and created again: queries on it fail until it is ACTIVE");
        }
        if (!c.action().equals("update")) {
            return Optional.empty();
        }
        if (c.field().equals("stream_view_type") && streamOn(c.from())) {
            return Optional.of(streamOn(c.to())
                    ? "the stream view type changes from " + c.from() + " to " + c.to()
                            + ": a new stream ARN, consumers of the old one stop receiving records"
                    : "the stream is turned off: consumers of its stream ARN stop receiving records");
        }
        if (c.field().equals("replicas")) {
            Set<String> removed = regions(c.from());
            removed.removeAll(regions(c.to()));
            if (!removed.isEmpty()) {
                return Optional.of("replica " + String.join(", ", removed)
                        + " is removed: the table and its data in that region are deleted");
            }
        }
        return Optional.empty();
    }

    /** Why pruning touches this undeclared table, or empty when it is not ours or is left alone. */
    public static Optional<String> of(UnmanagedEntry u, boolean plan) {
        if (u.owner().isEmpty()) {
            return Optional.empty();
        }
        if (u.action().equals(UnmanagedEntry.DELETED)) {
            return Optional.of("table " + u.where(!u.account().equals(io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT)) + " was deleted (--prune)");
        }
        return plan && u.message().endsWith(io.ddbgitops.plan.UnmanagedTables.WOULD_PRUNE)
                ? Optional.of("apply --prune deletes table " + u.where(!u.account().equals(io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT))) : Optional.empty();
    }

    /** Every warning of a table, in the order of its changes. */
    public static List<String> of(TableEntry t) {
        return t.changes().stream().map(Disruptions::of).flatMap(Optional::stream).toList();
    }

    /** Every warning of a report: tables first, then pruned tables. */
    public static List<String> of(DriftReport report) {
        List<String> all = new ArrayList<>();
        report.tables().forEach(t -> all.addAll(of(t)));
        report.unmanaged().forEach(u -> of(u, report.isPlan()).ifPresent(all::add));
        return all;
    }

    /**
     * Every warning of a report with the table it is about in front ({@code us-east-1/Orders: gsi.byDay is …}), for
     * a list that stands apart from the tables, such as a collapsed pull-request comment's.
     */
    public static List<String> byTable(DriftReport report) {
        List<String> all = new ArrayList<>();
        // asked once: it looks at every table, and asking it per table is quadratic in a fleet's report
        boolean accounts = report.showsAccounts();
        report.tables().forEach(t -> of(t).forEach(w -> all.add(t.where(accounts) + ": " + w)));
        report.unmanaged().forEach(u -> of(u, report.isPlan()).ifPresent(all::add));
        return all;
    }

    private static boolean streamOn(String value) {
        return !value.equals("disabled") && !value.equals("(none)") && !value.isBlank();
    }

    private static Set<String> regions(String value) {
        Set<String> regions = new TreeSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(r -> !r.isEmpty() && !r.equals("(none)"))
                .forEach(regions::add);
        return regions;
    }
}
