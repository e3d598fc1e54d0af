package io.ddbgitops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The drift report of one run: what {@code drift/report.json} holds (contract in DESIGN.md, schema in
 * {@code schemas/drift-report-v1.schema.json}). {@code mode} is {@code plan} (statuses say what applying would
 * do) or {@code apply} (what was done). Lists are sorted so that equal runs write equal bytes. {@code policy}
 * says which namespace policy the run enforced ({@code none — ...} when the repository has none).
 *
 * <p>{@code errors} keeps the first {@link #MAX_ERRORS} validation errors in that order and {@code errorsTotal}
 * counts them all: a repository with 100,000 broken documents must not make a report of tens of megabytes that
 * is committed on every run ({@code ddb-gitops validate} prints every error).
 *
 * <p>{@code checkedAt} (ISO-8601 UTC, whole seconds) and {@code commit} (the 40-hex config commit) say when and
 * what was checked. They are empty only in a report read back from before they existed, and {@link #settled()}
 * leaves them out: the report's own commit moves HEAD, so comparing them would make every run commit.
 */
@JsonPropertyOrder({"checked_at", "commit", "mode"})
public record DriftReport(String mode, Summary summary, List<TableEntry> tables, List<ErrorEntry> errors,
                          List<UnmanagedEntry> unmanaged, int errorsTotal,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
                          Optional<String> policy,
                          @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> checkedAt,
                          @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> commit) {
    public static final String PLAN = "plan";
    public static final String APPLY = "apply";
    /** How many validation errors report.json lists; the Markdown lists fewer (see ReportMarkdown). */
    public static final int MAX_ERRORS = 1000;
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");

    public DriftReport(String mode, Summary summary, List<TableEntry> tables, List<ErrorEntry> errors) {
        this(mode, summary, tables, errors, List.of());
    }

    public DriftReport(String mode, Summary summary, List<TableEntry> tables, List<ErrorEntry> errors,
                       List<UnmanagedEntry> unmanaged) {
        this(mode, summary, tables, errors, unmanaged, errors.size(), Optional.empty());
    }

    public DriftReport(String mode, Summary summary, List<TableEntry> tables, List<ErrorEntry> errors,
                       List<UnmanagedEntry> unmanaged, int errorsTotal) {
        this(mode, summary, tables, errors, unmanaged, errorsTotal, Optional.empty());
    }

    public DriftReport(String mode, Summary summary, List<TableEntry> tables, List<ErrorEntry> errors,
                       List<UnmanagedEntry> unmanaged, Optional<String> policy) {
        this(mode, summary, tables, errors, unmanaged, errors.size(), policy);
    }

    public DriftReport(String mode, Summary summary, List<TableEntry> tables, List<ErrorEntry> errors,
                       List<UnmanagedEntry> unmanaged, int errorsTotal, Optional<String> policy) {
        this(mode, summary, tables, errors, unmanaged, errorsTotal, policy, Optional.empty(), Optional.empty());
    }

    public DriftReport {
        // lenient: a hand-edited value in a previous report is dropped, not the whole previous report
        checkedAt = checkedAt == null ? Optional.empty() : checkedAt.flatMap(DriftReport::parseInstant)
                .map(i -> DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS)));
        commit = commit == null ? Optional.empty() : commit.filter(c -> COMMIT_ID.matcher(c).matches());
        tables = tables.stream()
                .sorted(Comparator.comparing(TableEntry::manifest).thenComparing(TableEntry::namespace)
                        .thenComparing(TableEntry::name))
                .toList();
        errors = errors == null ? List.of() : errors;
        // A report written before errors were capped has no total (Jackson passes 0): its list is complete.
        errorsTotal = Math.max(errorsTotal, errors.size());
        errors = errors.stream()
                .sorted(Comparator.comparing(ErrorEntry::file).thenComparingInt(ErrorEntry::line)
                        .thenComparingInt(ErrorEntry::column).thenComparing(ErrorEntry::message))
                .limit(MAX_ERRORS)
                .toList();
        unmanaged = unmanaged == null ? List.of() : unmanaged.stream()
                .sorted(Comparator.comparing(UnmanagedEntry::region).thenComparing(UnmanagedEntry::table)
                        .thenComparing(UnmanagedEntry::account))
                .toList();
        policy = policy == null ? Optional.empty() : policy;
    }

    /** This report as checked at {@code at} (kept to whole seconds) on config commit {@code commitId}. */
    public DriftReport checked(Instant at, String commitId) {
        if (!COMMIT_ID.matcher(commitId).matches()) {
            throw new IllegalArgumentException("commit must be 40 lower-case hex digits, not '" + commitId + "'");
        }
        return new DriftReport(mode, summary, tables, errors, unmanaged, errorsTotal, policy,
                Optional.of(at.toString()), Optional.of(commitId));
    }

    /**
     * True when a table is in an account other than the default credential chain's: then REPORT.md and the terminal
     * name every table's account beside its region (a repository without accounts keeps its shorter lines).
     */
    public boolean showsAccounts() {
        return tables.stream().anyMatch(t -> !t.account().equals(io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT))
                || unmanaged.stream().anyMatch(u -> !u.account().equals(io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT));
    }

    /** When the check ran; empty for a report from before {@code checked_at} existed (or with a garbled one). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Optional<Instant> checkedInstant() {
        return checkedAt.flatMap(DriftReport::parseInstant);
    }

    private static Optional<Instant> parseInstant(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The state this report leaves behind, without the events of the run that wrote it: after an apply, a table
     * that was created, changed or had its drift fixed is simply in sync. Two reports with equal settled states
     * describe the same tables, so a quiet run after them has nothing new to commit.
     */
    public DriftReport settled() {
        List<TableEntry> state = tables.stream().map(t -> new TableEntry(t.manifest(), t.namespace(), t.name(),
                t.region(), t.table(), isPlan() ? t.status() : settledStatus(t.status()), List.of(), List.of(),
                t.applied(), t.backup().map(BackupEntry::settled), t.history(), t.account(), t.accountId())).toList();
        return new DriftReport("settled", Summary.of(state, summary.invalid(), unmanaged), state, errors, unmanaged,
                errorsTotal, policy);
    }

    /** True when the run found nothing to create, change or fix, and took or deleted no backup. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isQuiet() {
        return summary.created() + summary.changed() + summary.drifted() == 0 && !backupEvents();
    }

    private boolean backupEvents() {
        return tables.stream().anyMatch(t -> t.backup().map(BackupEntry::hasEvents).orElse(false));
    }

    private static String settledStatus(String status) {
        return switch (status) {
            case "created", "changed", "drifted" -> "in_sync";
            default -> status;
        };
    }

    /**
     * How many things differ from what the repository says: the summary's non-in-sync counts, less undeclared
     * tables that are not ours (listed for information) or that were pruned.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int differences() {
        long settledUndeclared = unmanaged.stream()
                .filter(u -> u.owner().isEmpty() || u.action().equals(UnmanagedEntry.DELETED))
                .count();
        return summary.notInSync() - (int) settledUndeclared;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPlan() {
        return PLAN.equals(mode);
    }

    /** Integer counts per status, plus invalid manifests. */
    public record Summary(int inSync, int changed, int drifted, int created, int failed, int invalid, int blocked,
                          int unmanaged, int inProgress) {

        public Summary(int inSync, int changed, int drifted, int created, int failed, int invalid, int blocked,
                       int unmanaged) {
            this(inSync, changed, drifted, created, failed, invalid, blocked, unmanaged, 0);
        }

        public static Summary of(List<TableEntry> tables, int invalid) {
            return of(tables, invalid, List.of());
        }

        /** Unmanaged counts manifests whose table is not ours and live tables no manifest declares. */
        public static Summary of(List<TableEntry> tables, int invalid, List<UnmanagedEntry> undeclared) {
            return new Summary(count(tables, "in_sync"), count(tables, "changed"), count(tables, "drifted"),
                    count(tables, "created"), count(tables, "failed"), invalid, count(tables, "blocked"),
                    count(tables, "unmanaged") + undeclared.size(), count(tables, "in_progress"));
        }

        private static int count(List<TableEntry> tables, String status) {
            return (int) tables.stream().filter(t -> t.status().equals(status)).count();
        }

        /** Work left running is not a difference: it was started as the manifest asks and finishes by itself. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public int notInSync() {
            return changed + drifted + created + failed + blocked + unmanaged;
        }
    }
}
