package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The front's state on disk under {@code <dataDir>/front/}: {@code settings.json} (tags and PITR per table),
 * {@code resource-policies.json} and one
 * file per backup under {@code backups/}. Files are replaced atomically and forced to
 * disk ({@link DurableFiles}), so a crash leaves the old or the new one.
 */
final class StateFiles {
    private final Path settingsFile;
    private final Path backupDir;
    private final Path policiesFile;

    StateFiles(Path frontDir) throws IOException {
        this.settingsFile = frontDir.resolve("settings.json");
        this.backupDir = frontDir.resolve("backups");
        this.policiesFile = frontDir.resolve("resource-policies.json");
        Files.createDirectories(backupDir);
        DurableFiles.sweepTemporaryFiles(frontDir);
        DurableFiles.sweepTemporaryFiles(backupDir);
    }

    void loadSettings(Map<TableKey, SortedMap<String, String>> tags, Map<TableKey, PitrSetting> pitr,
            Map<TableKey, TableFeatures> features) {
        if (!Files.exists(settingsFile)) {
            return;
        }
        JsonNode root = read(settingsFile);
        for (JsonNode table : root.path("tables")) {
            TableKey key = new TableKey(table.path("region").asText(), table.path("table").asText());
            SortedMap<String, String> tableTags = new TreeMap<>();
            table.path("tags").properties().forEach(e -> tableTags.put(e.getKey(), e.getValue().asText()));
            if (!tableTags.isEmpty()) {
                tags.put(key, tableTags);
            }
            JsonNode setting = table.path("pitr");
            if (setting.isObject()) {
                pitr.put(key, Json.MAPPER.convertValue(setting, PitrSetting.class));
            }
            JsonNode tableFeatures = table.path("features");
            if (tableFeatures.isObject()) {
                features.put(key, Json.MAPPER.convertValue(tableFeatures, TableFeatures.class));
            }
        }
    }

    void saveSettings(Map<TableKey, SortedMap<String, String>> tags, Map<TableKey, PitrSetting> pitr,
            Map<TableKey, TableFeatures> features) {
        Map<TableKey, ObjectNode> tables = new TreeMap<>(
                (a, b) -> (a.region() + "/" + a.table()).compareTo(b.region() + "/" + b.table()));
        tags.forEach((key, values) -> entry(tables, key).set("tags", Json.MAPPER.valueToTree(values)));
        pitr.forEach((key, setting) -> entry(tables, key).set("pitr", Json.MAPPER.valueToTree(setting)));
        features.forEach((key, value) -> entry(tables, key).set("features", Json.MAPPER.valueToTree(value)));
        ArrayNode array = Json.array();
        tables.values().forEach(array::add);
        write(settingsFile, Json.object().set("tables", array));
    }

    /** Resource policies in their own file: they change on their own and can be large (20 KB each). */
    Map<TableKey, ResourcePolicyOperations.StoredPolicy> loadPolicies() {
        Map<TableKey, ResourcePolicyOperations.StoredPolicy> policies = new java.util.HashMap<>();
        if (Files.exists(policiesFile)) {
            for (JsonNode entry : read(policiesFile).path("tables")) {
                policies.put(new TableKey(entry.path("region").asText(), entry.path("table").asText()),
                        new ResourcePolicyOperations.StoredPolicy(entry.path("policy").asText(),
                                entry.path("revision_id").asText()));
            }
        }
        return policies;
    }

    void savePolicies(Map<TableKey, ResourcePolicyOperations.StoredPolicy> policies) {
        ArrayNode array = Json.array();
        policies.forEach((key, p) -> array.addObject().put("region", key.region()).put("table", key.table())
                .put("policy", p.policy()).put("revision_id", p.revisionId()));
        write(policiesFile, Json.object().set("tables", array));
    }

    List<Backup> loadBackups() {
        try (Stream<Path> files = Files.list(backupDir)) {
            List<Backup> backups = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .forEach(f -> backups.add(Json.MAPPER.convertValue(read(f), Backup.class)));
            backups.sort((a, b) -> Double.compare(a.createdAt(), b.createdAt()));
            return backups;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list backups in " + backupDir, e);
        }
    }

    void saveBackup(Backup backup) {
        write(backupFile(backup), Json.MAPPER.valueToTree(backup));
    }

    void deleteBackup(Backup backup) {
        DurableFiles.delete(backupFile(backup));
    }

    private Path backupFile(Backup backup) {
        String id = backup.arn().substring(backup.arn().lastIndexOf('/') + 1);
        return backupDir.resolve(backup.region() + "--" + backup.table() + "--" + id + ".json");
    }

    private static ObjectNode entry(Map<TableKey, ObjectNode> tables, TableKey key) {
        return tables.computeIfAbsent(key, k -> Json.object().put("region", k.region()).put("table", k.table()));
    }

    static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read local endpoint state " + file, e);
        }
    }

    static void write(Path file, JsonNode content) {
        DurableFiles.replace(file, Json.bytes(content));
    }
}
