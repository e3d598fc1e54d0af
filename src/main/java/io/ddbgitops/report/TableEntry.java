package io.ddbgitops.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One manifest's line in the report. {@code applied} records the settings that are known to be live as the
 * manifest asked (the next run compares the manifest with it to tell "changed in git" from "drifted").
 */
public record TableEntry(
        String manifest,
        String namespace,
        String name,
        String region,
        String table,
        String status,
        List<ChangeEntry> changes,
        List<String> messages,
        Map<String, String> applied,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
        Optional<BackupEntry> backup,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
        Optional<HistoryEntry> history) {

    public TableEntry {
        changes = changes.stream().sorted(Comparator.comparing(ChangeEntry::field)).toList();
        messages = List.copyOf(messages);
        applied = java.util.Collections.unmodifiableMap(new TreeMap<>(applied));
        backup = backup == null ? Optional.empty() : backup;
        history = history == null ? Optional.empty() : history;
    }

    public TableEntry(String manifest, String namespace, String name, String region, String table, String status,
                      List<ChangeEntry> changes, List<String> messages, Map<String, String> applied,
                      Optional<BackupEntry> backup) {
        this(manifest, namespace, name, region, table, status, changes, messages, applied, backup, Optional.empty());
    }

    /** An entry without a backup section. */
    public TableEntry(String manifest, String namespace, String name, String region, String table, String status,
                      List<ChangeEntry> changes, List<String> messages, Map<String, String> applied) {
        this(manifest, namespace, name, region, table, status, changes, messages, applied, Optional.empty(),
                Optional.empty());
    }

    /** The same entry with this backup section (and, for a failed backup, status failed). */
    public TableEntry withBackup(BackupEntry section) {
        String newStatus = section.failures().isEmpty() ? status : "failed";
        List<String> allMessages = new java.util.ArrayList<>(messages);
        allMessages.addAll(section.failures());
        return new TableEntry(manifest, namespace, name, region, table, newStatus, changes, allMessages, applied,
                Optional.of(section), history);
    }
}
