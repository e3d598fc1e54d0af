package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The intent of a CreateTable whose front-kept settings (tags, table class, encryption, on-demand caps) are not yet
 * saved: written durably before the table is created in DynamoDB Local, removed once the settings are saved. After a
 * kill between the two, {@link CreateTableOperation#recover()} finishes the job, so a table never exists without
 * the tags it was created with (on AWS, CreateTable with tags is one step). In memory there is nothing to recover.
 */
final class CreateTableJournal {
    /** One pending create: the client's request and when it was journaled. */
    record Entry(TableKey table, long journaledAtMillis, ObjectNode request) {}

    private final Optional<Path> dir;

    private CreateTableJournal(Optional<Path> dir) {
        this.dir = dir;
    }

    static CreateTableJournal inMemory() {
        return new CreateTableJournal(Optional.empty());
    }

    static CreateTableJournal persistentIn(Path dir) throws IOException {
        Files.createDirectories(dir);
        DurableFiles.sweepTemporaryFiles(dir);
        return new CreateTableJournal(Optional.of(dir));
    }

    void record(Entry entry) {
        dir.ifPresent(d -> {
            ObjectNode json = Json.object().put("region", entry.table().region())
                    .put("table", entry.table().table()).put("journaledAtMillis", entry.journaledAtMillis());
            json.set("request", entry.request());
            DurableFiles.replace(file(d, entry.table()), Json.bytes(json));
        });
    }

    void remove(TableKey table) {
        dir.ifPresent(d -> DurableFiles.delete(file(d, table)));
    }

    List<Entry> pending() {
        if (dir.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = Json.MAPPER.readTree(file.toFile());
                entries.add(new Entry(new TableKey(json.path("region").asText(), json.path("table").asText()),
                        json.path("journaledAtMillis").asLong(), (ObjectNode) json.get("request")));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the create-table journal in " + dir.get(), e);
        }
    }

    /** Hashed: a table name may be 255 characters, too long for a file name with the region beside it. */
    private static Path file(Path dir, TableKey table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((table.region() + "/" + table.table()).getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
