package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link ChangeLog} of every table with PITR on. With a data directory each table has
 * {@code <region>--<table>.base.json} (the items at the start of the window) and an append-only
 * {@code <region>--<table>.log.jsonl}, one change a line; both are rewritten when the window slides.
 */
final class PitrHistory {
    private static final long COMPACTION_SLACK_MILLIS = 3_600_000L;

    private final Map<TableKey, ChangeLog> logs = new HashMap<>();
    private final Optional<Path> dir;

    private PitrHistory(Optional<Path> dir) {
        this.dir = dir;
    }

    static PitrHistory inMemory() {
        return new PitrHistory(Optional.empty());
    }

    static PitrHistory persistentIn(Path dir) throws IOException {
        Files.createDirectories(dir);
        DurableFiles.sweepTemporaryFiles(dir);
        PitrHistory history = new PitrHistory(Optional.of(dir));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path base : files.filter(f -> f.getFileName().toString().endsWith(".base.json")).toList()) {
                history.load(base);
            }
        }
        return history;
    }

    synchronized void start(TableKey table, List<String> keyNames, long atMillis, List<JsonNode> items) {
        ChangeLog log = new ChangeLog(keyNames, atMillis, items);
        logs.put(table, log);
        rewrite(table, log);
    }

    synchronized void setBase(TableKey table, List<JsonNode> items) {
        ChangeLog log = logs.get(table);
        if (log != null) {
            log.setBase(items);
            rewrite(table, log);
        }
    }

    synchronized void drop(TableKey table) {
        if (logs.remove(table) != null && dir.isPresent()) {
            delete(baseFile(table));
            delete(logFile(table));
        }
    }

    synchronized Set<TableKey> tables() {
        return Set.copyOf(logs.keySet());
    }

    synchronized Optional<List<String>> keyNames(TableKey table) {
        return Optional.ofNullable(logs.get(table)).map(ChangeLog::keyNames);
    }

    synchronized void append(TableKey table, ChangeLog.Change change) {
        ChangeLog log = logs.get(table);
        if (log == null) {
            return;
        }
        log.append(change);
        dir.ifPresent(d -> appendLine(logFile(table), line(change)));
    }

    /** The items at the instant; the caller has checked that the instant is inside the window. */
    synchronized List<JsonNode> itemsAt(TableKey table, long millis) {
        ChangeLog log = logs.get(table);
        return log == null ? List.of() : log.itemsAt(millis);
    }

    /**
     * Folds what has left the window into the base, so the history stays bounded by the recovery period. Done once
     * the oldest change is an hour out of the window, so the files are not rewritten on every write.
     */
    synchronized void compactBefore(TableKey table, long earliestRestorableMillis) {
        ChangeLog log = logs.get(table);
        if (log != null && log.oldestChangeMillis().filter(t -> t < earliestRestorableMillis - COMPACTION_SLACK_MILLIS)
                .isPresent() && log.compactBefore(earliestRestorableMillis)) {
            rewrite(table, log);
        }
    }

    private void load(Path base) {
        String name = base.getFileName().toString();
        String stem = name.substring(0, name.length() - ".base.json".length());
        int separator = stem.indexOf("--");
        TableKey table = new TableKey(stem.substring(0, separator), stem.substring(separator + 2));
        JsonNode content = read(base);
        List<String> keyNames = new ArrayList<>();
        content.path("keyNames").forEach(n -> keyNames.add(n.asText()));
        List<JsonNode> items = new ArrayList<>();
        content.path("items").forEach(items::add);
        ChangeLog log = new ChangeLog(keyNames, content.path("baseMillis").asLong(), items);
        Path logFile = logFile(table);
        if (Files.exists(logFile)) {
            try {
                String text = Files.readString(logFile, StandardCharsets.UTF_8);
                // a kill in the middle of an append leaves a last line without its newline; that write was never
                // acknowledged (the answer waits for the append), so it is not part of the history
                int end = text.lastIndexOf('\n') + 1;
                for (String line : text.substring(0, end).split("\n")) {
                    if (!line.isBlank()) {
                        JsonNode change = Json.MAPPER.readTree(line);
                        log.append(new ChangeLog.Change(change.path("at").asLong(), (ObjectNode) change.get("key"),
                                Optional.ofNullable(change.get("item"))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read PITR log " + logFile, e);
            }
        }
        logs.put(table, log);
    }

    private void rewrite(TableKey table, ChangeLog log) {
        if (dir.isEmpty()) {
            return;
        }
        ObjectNode base = Json.object().put("baseMillis", log.baseMillis());
        log.keyNames().forEach(base.putArray("keyNames")::add);
        log.baseItems().forEach(base.putArray("items")::add);
        replace(baseFile(table), Json.bytes(base));
        StringBuilder lines = new StringBuilder();
        log.changes().forEach(c -> lines.append(line(c)));
        replace(logFile(table), lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String line(ChangeLog.Change change) {
        ObjectNode line = Json.object().put("at", change.atMillis());
        line.set("key", change.key());
        change.item().ifPresent(item -> line.set("item", item));
        return new String(Json.bytes(line), StandardCharsets.UTF_8) + "\n";
    }

    private Path baseFile(TableKey table) {
        return dir.orElseThrow().resolve(table.region() + "--" + table.table() + ".base.json");
    }

    private Path logFile(TableKey table) {
        return dir.orElseThrow().resolve(table.region() + "--" + table.table() + ".log.jsonl");
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read PITR base " + file, e);
        }
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to PITR log " + file, e);
        }
    }

    private static void replace(Path file, byte[] content) {
        DurableFiles.replace(file, content);
    }

    private static void delete(Path file) {
        DurableFiles.delete(file);
    }
}
