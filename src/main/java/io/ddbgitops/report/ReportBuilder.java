package io.ddbgitops.report;

import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Action;
import io.ddbgitops.plan.ApplyProgress;
import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.ChangeHistory;
import io.ddbgitops.plan.PossibleAt;
import io.ddbgitops.plan.TablePlanner;
import io.ddbgitops.plan.TablePlan;
import io.ddbgitops.plan.TableStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects one run's per-table results and validation errors into a {@link DriftReport}. */
public final class ReportBuilder {
    private final String mode;
    private final Map<TableId, Map<String, String>> previouslyApplied;
    // both read-only once built, so the parts of one run share them
    private final Map<TableId, ChangeHistory> previousHistory;
    private final List<TableEntry> tables = new ArrayList<>();
    private final List<ErrorEntry> errors = new ArrayList<>();
    private final List<UnmanagedEntry> undeclared = new ArrayList<>();
    private int invalid;
    private Optional<String> policy = Optional.empty();
    private Map<String, String> accountIds = Map.of();

    public ReportBuilder(String mode, Optional<DriftReport> previous) {
        this.mode = mode;
        this.previouslyApplied = appliedByTable(previous);
        this.previousHistory = new HashMap<>();
        previous.ifPresent(report -> report.tables().forEach(t -> t.history().ifPresent(h ->
                previousHistory.put(t.tableId(), h.toHistory()))));
    }

    private ReportBuilder(ReportBuilder whole) {
        this.mode = whole.mode;
        this.previouslyApplied = whole.previouslyApplied;
        this.previousHistory = whole.previousHistory;
        this.accountIds = whole.accountIds;
    }

    /**
     * An empty builder for one table's entries, reading the same previous report and account ids (set those first);
     * {@link #add} puts its entries into this one. Tables reconciled side by side each fill their own part, and the
     * parts are added in manifest order.
     */
    public ReportBuilder part() {
        return new ReportBuilder(this);
    }

    /** Appends a part's table entries (after this builder's own). */
    public void add(ReportBuilder part) {
        tables.addAll(part.tables);
    }

    /** What the previous report says was applied to this table; empty when it never was. */
    public Map<String, String> previouslyApplied(TableId id) {
        return previouslyApplied.getOrDefault(id, Map.of());
    }

    /** What the previous report recorded about this table's rate-limited changes and long work. */
    public ChangeHistory previousHistory(TableId id) {
        return previousHistory.getOrDefault(id, ChangeHistory.none());
    }

    /** A planned table; {@code applied} tells whether its actions ran, {@code failure} whether one failed. */
    public void planned(TablePlan plan, boolean applied, Optional<String> failure) {
        planned(plan, applied, failure, ApplyProgress.none(), plan.history(), java.time.Instant.EPOCH);
    }

    /**
     * A planned table after its actions ran (or not): a failure makes it failed; actions AWS refused for a quota
     * make their changes blocked with AWS's message; long work left running makes its changes in progress since
     * {@code now}, and what waits for it pending. {@code history} is the table's history after this run.
     */
    public void planned(TablePlan plan, boolean applied, Optional<String> failure, ApplyProgress progress,
                        ChangeHistory history, java.time.Instant now) {
        TableManifest m = plan.manifest();
        List<String> messages = new ArrayList<>(plan.messages());
        messages.addAll(progress.notes());
        failure.ifPresent(messages::add);
        progress.refused().forEach(r -> messages.add(0, r.action().describe() + " was refused by an AWS quota ("
                + r.message() + "); nothing else waits for it"));
        Map<String, String> record;
        boolean unfinished = !progress.refused().isEmpty() || !progress.pending().isEmpty();
        if (failure.isPresent() || unfinished || (!applied && plan.status() != TableStatus.IN_SYNC)) {
            record = new java.util.TreeMap<>(previouslyApplied(m.tableId()));
            record.putAll(progress.recorded());
        } else {
            record = plan.desired();
        }
        Map<String, java.time.Instant> running = new java.util.TreeMap<>(history.inProgressSince());
        List<Change> changes = new ArrayList<>(plan.changes());
        progress.refused().forEach(r -> mark(changes, plan.fieldsOf(r.action()), Change.BLOCKED, Optional.empty()));
        progress.pending().forEach(p -> mark(changes, plan.fieldsOf(p), Change.PENDING, Optional.empty()));
        for (Action started : progress.started()) {
            java.time.Instant since = running.computeIfAbsent(TablePlanner.progressKey(started), k -> now);
            mark(changes, plan.fieldsOf(started), Change.IN_PROGRESS, Optional.of(since));
            if (plan.fieldsOf(started).isEmpty()) {
                changes.add(new Change(TablePlanner.progressKey(started), started.describe(), "ACTIVE",
                        Change.IN_PROGRESS, Change.Cause.GIT, Optional.empty(), Optional.of(since)));
            }
        }
        String status = failure.isPresent() ? TableStatus.FAILED.label()
                : !progress.refused().isEmpty() || plan.status() == TableStatus.BLOCKED ? TableStatus.BLOCKED.label()
                : !progress.started().isEmpty() || !progress.pending().isEmpty() ? TableStatus.IN_PROGRESS.label()
                : plan.status().label();
        tables.add(new TableEntry(m.source().file(), m.namespace(), m.name(), m.region(), m.tableName(), status,
                changes.stream().map(ReportBuilder::change).toList(), messages, record, Optional.empty(),
                HistoryEntry.of(history.withInProgress(running)), m.account(), accountId(m.account())));
    }

    /** Marks these fields' changes with another action (a change that is already blocked stays blocked). */
    private static void mark(List<Change> changes, List<String> fields, String action,
                             Optional<java.time.Instant> since) {
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (fields.contains(c.field()) && !c.action().equals(Change.BLOCKED)) {
                changes.set(i, new Change(c.field(), c.from(), c.to(), action, c.cause(), Optional.empty(), since));
            }
        }
    }

    /** A table whose live state could not even be read; its history is kept for the next run. */
    public void failed(TableManifest manifest, String message) {
        TableManifest m = manifest;
        tables.add(new TableEntry(m.source().file(), m.namespace(), m.name(), m.region(), m.tableName(),
                TableStatus.FAILED.label(), List.of(), List.of(message), previouslyApplied(m.tableId()),
                Optional.empty(), HistoryEntry.of(previousHistory(m.tableId())), m.account(),
                accountId(m.account())));
    }

    /** Adds a table's backup section to its entry; a failed backup makes the table failed. */
    public void backup(TableManifest manifest, BackupEntry section) {
        for (int i = tables.size() - 1; i >= 0; i--) {
            TableEntry t = tables.get(i);
            if (t.manifest().equals(manifest.source().file()) && t.namespace().equals(manifest.namespace())
                    && t.name().equals(manifest.name())) {
                tables.set(i, t.withBackup(section));
                return;
            }
        }
        throw new IllegalStateException("no report entry for " + manifest.id() + " to add backups to");
    }

    public void invalid(int invalidManifests, List<ManifestError> manifestErrors) {
        invalid += invalidManifests;
        for (ManifestError e : manifestErrors) {
            // the field as ManifestError names it: one line, and a long key shortened
            String field = e.pointer().isEmpty() ? "" : e.field();
            errors.add(new ErrorEntry(e.location().file(), e.location().line(), e.location().column(), field,
                    e.message()));
        }
    }

    /** A live table no manifest declares. */
    public void undeclared(UnmanagedEntry entry) {
        undeclared.add(entry);
    }

    /** Regions the previous report mentions, so that a region whose last manifest was removed is still listed. */
    public java.util.Set<String> previousRegions() {
        return previouslyApplied.keySet().stream().map(TableId::region).collect(java.util.stream.Collectors.toSet());
    }

    /** The same as (account, region) pairs: tables of the previous report, with the account they were in. */
    public java.util.Set<TableId> previousTables() {
        return java.util.Set.copyOf(previouslyApplied.keySet());
    }

    /** The 12-digit ids of the repository config's accounts by name, shown beside each table's account name. */
    public void accountIds(Map<String, String> idsByName) {
        accountIds = Map.copyOf(idsByName);
    }

    private Optional<String> accountId(String account) {
        return Optional.ofNullable(accountIds.get(account));
    }

    /** Which namespace policy the run enforced, as one line for the report. */
    public void policy(String summary) {
        policy = Optional.of(summary);
    }

    /** The status of the table reported last (for progress lines); empty before the first. */
    public String lastStatus() {
        return tables.isEmpty() ? "" : tables.get(tables.size() - 1).status();
    }

    public DriftReport build() {
        return new DriftReport(mode, DriftReport.Summary.of(tables, invalid, undeclared), tables, errors, undeclared,
                policy);
    }

    private static ChangeEntry change(Change c) {
        return new ChangeEntry(c.field(), c.from(), c.to(), c.action(), c.cause().label(),
                c.possibleAt().map(PossibleAt::json), c.since().map(java.time.Instant::toString));
    }

    private static Map<TableId, Map<String, String>> appliedByTable(Optional<DriftReport> previous) {
        Map<TableId, Map<String, String>> applied = new HashMap<>();
        previous.ifPresent(report -> report.tables().forEach(t ->
                applied.put(t.tableId(), t.applied())));
        return applied;
    }
}
