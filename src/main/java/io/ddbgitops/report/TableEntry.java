package io.ddbgitops.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One manifest's line in the report. {@code applied} records the settings that are known to be live as the
 * manifest asked (the next run compares the manifest with it to tell "changed in git" from "drifted").
 * {@code account} is the account name the table lives in ({@code default}: the default credential chain's), with
 * its 12-digit id when the repository config defines it.
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"manifest", "namespace", "name", "account", "account_id", "region",
        "table", "status"})
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
        Optional<HistoryEntry> history,
        String account,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
        Optional<String> accountId) {

    public TableEntry {
        // a report written before accounts existed has none: its tables were all in the default chain's account
        account = account == null ? io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT : account;
        accountId = accountId == null ? Optional.empty() : accountId;
        changes = changes.stream().sorted(Comparator.comparing(ChangeEntry::field)).toList();
        messages = List.copyOf(messages);
        applied = java.util.Collections.unmodifiableMap(new TreeMap<>(applied));
        backup = backup == null ? Optional.empty() : backup;
        history = history == null ? Optional.empty() : history;
    }

    /** An entry in the default credential chain's account. */
    public TableEntry(String manifest, String namespace, String name, String region, String table, String status,
                      List<ChangeEntry> changes, List<String> messages, Map<String, String> applied,
                      Optional<BackupEntry> backup, Optional<HistoryEntry> history) {
        this(manifest, namespace, name, region, table, status, changes, messages, applied, backup, history,
                io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT, Optional.empty());
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
                Optional.of(section), history, account, accountId);
    }

    /** The live table this entry is about. */
    public io.ddbgitops.manifest.TableId tableId() {
        return new io.ddbgitops.manifest.TableId(account, region, table);
    }

    /** {@code region/table}, prefixed with {@code account:} when the report shows accounts. */
    public String where(boolean withAccount) {
        return (withAccount ? account + ":" : "") + region + "/" + table;
    }

    /** The account name, with its 12-digit id when known: {@code prod (111111111111)}. */
    public String accountLabel() {
        return account + accountId.map(id -> " (" + id + ")").orElse("");
    }
}
