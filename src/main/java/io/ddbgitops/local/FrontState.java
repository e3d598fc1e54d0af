package io.ddbgitops.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the front knows that DynamoDB Local does not: tags, PITR and {@link TableFeatures} per table, and backups. Every change is
 * written through to {@link StateFiles} when the endpoint has a data directory.
 */
final class FrontState {
    private final Map<TableKey, SortedMap<String, String>> tags = new HashMap<>();
    private final Map<TableKey, PitrSetting> pitr = new HashMap<>();
    private final Map<TableKey, TableFeatures> features = new HashMap<>();
    private final Map<String, Backup> backups = new LinkedHashMap<>();
    private final Optional<StateFiles> files;

    private FrontState(Optional<StateFiles> files) {
        this.files = files;
    }

    static FrontState inMemory() {
        return new FrontState(Optional.empty());
    }

    static FrontState persistentIn(StateFiles files) {
        FrontState state = new FrontState(Optional.of(files));
        files.loadSettings(state.tags, state.pitr, state.features);
        files.loadBackups().forEach(b -> state.backups.put(b.arn(), b));
        return state;
    }

    synchronized Map<String, String> tags(TableKey table) {
        return Map.copyOf(tags.getOrDefault(table, new TreeMap<>()));
    }

    synchronized void tag(TableKey table, Map<String, String> added) {
        tags.computeIfAbsent(table, t -> new TreeMap<>()).putAll(added);
        saveSettings();
    }

    synchronized void untag(TableKey table, Collection<String> keys) {
        SortedMap<String, String> current = tags.get(table);
        if (current != null) {
            keys.forEach(current::remove);
            if (current.isEmpty()) {
                tags.remove(table);
            }
            saveSettings();
        }
    }

    synchronized PitrSetting pitr(TableKey table) {
        return pitr.getOrDefault(table, PitrSetting.DISABLED);
    }

    synchronized void setPitr(TableKey table, PitrSetting setting) {
        pitr.put(table, setting);
        saveSettings();
    }

    synchronized TableFeatures features(TableKey table) {
        return features.getOrDefault(table, TableFeatures.DEFAULT);
    }

    /** Changes the table's features atomically: concurrent updates of different settings do not undo each other. */
    synchronized void updateFeatures(TableKey table, UnaryOperator<TableFeatures> change) {
        setFeatures(table, change.apply(features(table)));
    }

    synchronized void setFeatures(TableKey table, TableFeatures value) {
        if (value.equals(TableFeatures.DEFAULT)) {
            features.remove(table);
        } else {
            features.put(table, value);
        }
        saveSettings();
    }

    /** True when any table has PITR on: writes are only inspected then. */
    synchronized boolean anyPitrEnabled() {
        return pitr.values().stream().anyMatch(PitrSetting::enabled);
    }

    /** The table is gone: a table created later under the same name starts without tags or PITR. */
    synchronized void forgetTable(TableKey table) {
        boolean changed = tags.remove(table) != null;
        changed |= pitr.remove(table) != null;
        changed |= features.remove(table) != null;
        if (changed) {
            saveSettings();
        }
    }

    /** Every table the front keeps something for. */
    synchronized Set<TableKey> tables() {
        Set<TableKey> tables = new HashSet<>(tags.keySet());
        tables.addAll(pitr.keySet());
        tables.addAll(features.keySet());
        return tables;
    }

    synchronized Optional<Backup> backup(String arn) {
        return Optional.ofNullable(backups.get(arn));
    }

    synchronized List<Backup> backups() {
        return new ArrayList<>(backups.values());
    }

    synchronized void putBackup(Backup backup) {
        backups.put(backup.arn(), backup);
        if (backup.available()) {
            files.ifPresent(f -> f.saveBackup(backup));
        }
    }

    /** System backups past their retention are gone, as on AWS. */
    synchronized void dropExpiredBackups(long nowMillis) {
        new ArrayList<>(backups.values()).stream().filter(b -> b.expiredAt(nowMillis)).forEach(this::removeBackup);
    }

    synchronized void removeBackup(Backup backup) {
        backups.remove(backup.arn());
        files.ifPresent(f -> f.deleteBackup(backup));
    }

    private void saveSettings() {
        files.ifPresent(f -> f.saveSettings(tags, pitr, features));
    }
}
