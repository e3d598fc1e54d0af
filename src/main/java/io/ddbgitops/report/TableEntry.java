package io.ddbgitops.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        Map<String, String> applied) {

    public TableEntry {
        changes = changes.stream().sorted(Comparator.comparing(ChangeEntry::field)).toList();
        messages = List.copyOf(messages);
        applied = java.util.Collections.unmodifiableMap(new TreeMap<>(applied));
    }
}
