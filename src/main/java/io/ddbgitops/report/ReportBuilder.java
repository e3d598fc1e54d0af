package io.ddbgitops.report;

import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Change;
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
    private final List<TableEntry> tables = new ArrayList<>();
    private final List<ErrorEntry> errors = new ArrayList<>();
    private final List<UnmanagedEntry> undeclared = new ArrayList<>();
    private int invalid;
    private Optional<String> policy = Optional.empty();

    public ReportBuilder(String mode, Optional<DriftReport> previous) {
        this.mode = mode;
        this.previouslyApplied = appliedByTable(previous);
    }

    /** What the previous report says was applied to this table; empty when it never was. */
    public Map<String, String> previouslyApplied(TableId id) {
        return previouslyApplied.getOrDefault(id, Map.of());
    }

    /** A planned table; {@code applied} tells whether its actions ran, {@code failure} whether one failed. */
    public void planned(TablePlan plan, boolean applied, Optional<String> failure) {
        TableManifest m = plan.manifest();
        List<String> messages = new ArrayList<>(plan.messages());
        failure.ifPresent(messages::add);
        Map<String, String> record;
        if (failure.isPresent() || (!applied && plan.status() != TableStatus.IN_SYNC)) {
            record = previouslyApplied(m.tableId());
        } else {
            record = plan.desired();
        }
        String status = failure.isPresent() ? TableStatus.FAILED.label() : plan.status().label();
        tables.add(entry(m, status, plan.changes().stream().map(ReportBuilder::change).toList(), messages, record));
    }

    /** A table whose live state could not even be read. */
    public void failed(TableManifest manifest, String message) {
        tables.add(entry(manifest, TableStatus.FAILED.label(), List.of(), List.of(message),
                previouslyApplied(manifest.tableId())));
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

    private static TableEntry entry(TableManifest m, String status, List<ChangeEntry> changes, List<String> messages,
                                    Map<String, String> applied) {
        return new TableEntry(m.source().file(), m.namespace(), m.name(), m.region(), m.tableName(), status, changes,
                messages, applied);
    }

    private static ChangeEntry change(Change c) {
        return new ChangeEntry(c.field(), c.from(), c.to(), c.action(), c.cause().label());
    }

    private static Map<TableId, Map<String, String>> appliedByTable(Optional<DriftReport> previous) {
        Map<TableId, Map<String, String>> applied = new HashMap<>();
        previous.ifPresent(report -> report.tables().forEach(t ->
                applied.put(new TableId(t.region(), t.table()), t.applied())));
        return applied;
    }
}
