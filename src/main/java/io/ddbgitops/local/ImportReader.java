package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import io.airlift.compress.zstd.ZstdInputStream;

/**
 * Turns one S3 object into items, as ImportTable reads it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Format.html, checked 2026-12-01):
 * DYNAMODB_JSON is one {@code {"Item": {...}}} per line; CSV has a header line (or the request's HeaderList), the key
 * attributes of the table and its indexes take their defined type and every other column is a string, an empty column
 * no attribute; ION is read by
 * {@link IonItems}. GZIP and ZSTD are inflated; an object that cannot be inflated counts as one item in error, as
 * unreadable input does on AWS. Measured against AWS (scylladb/scylladb test/alternator/test_import.py, read 2026-12-01): blank lines are
 * neither items nor errors, the first item that cannot be made abandons the rest of its object, and the processed
 * size counts uncompressed bytes.
 */
final class ImportReader {
    private static final CsvMapper CSV = new CsvMapper();

    /** What one object gave. */
    record Outcome(long processed, long imported, long errors, long bytes) {
        Outcome plus(Outcome other) {
            return new Outcome(processed + other.processed, imported + other.imported, errors + other.errors,
                    bytes + other.bytes);
        }

        static Outcome none() {
            return new Outcome(0, 0, 0, 0);
        }
    }

    private final String format;
    private final String compression;
    private final char delimiter;
    private final Optional<List<String>> headers;
    /** The table's key attributes → their type (S, N or B): every item must have them. */
    private final Map<String, String> keys;
    /** Every defined attribute (keys of the table and its indexes) → its type: a CSV column's type, else S. */
    private final Map<String, String> types;

    ImportReader(String format, String compression, char delimiter, Optional<List<String>> headers,
                 Map<String, String> keys, Map<String, String> types) {
        this.format = format;
        this.compression = compression;
        this.delimiter = delimiter;
        this.headers = headers.map(List::copyOf);
        this.keys = Map.copyOf(keys);
        this.types = Map.copyOf(types);
    }

    /** Reads the object; {@code write} stores an item and answers false when DynamoDB refused it. */
    Outcome read(Path file, Predicate<ObjectNode> write) {
        byte[] data;
        try {
            data = inflate(Files.readAllBytes(file));
        } catch (IOException unreadable) {
            return new Outcome(1, 0, 1, 0);
        }
        Counter counter = new Counter(data.length);
        if (format.equals("CSV")) {
            csv(data, write, counter);
        } else if (format.equals("ION")) {
            ion(data, write, counter);
        } else {
            dynamoDbJson(data, write, counter);
        }
        return counter.outcome();
    }

    /** The object's bytes uncompressed (GZIP with the JDK, ZSTD with aircompressor, pure Java). */
    private byte[] inflate(byte[] raw) throws IOException {
        return switch (compression) {
            case "GZIP" -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    yield in.readAllBytes();
                }
            }
            case "ZSTD" -> {
                try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(raw))) {
                    yield in.readAllBytes();
                } catch (RuntimeException corrupt) {
                    throw new IOException("not ZSTD: " + corrupt.getMessage(), corrupt);
                }
            }
            default -> raw;
        };
    }

    private void ion(byte[] data, Predicate<ObjectNode> write, Counter counter) {
        try {
            java.util.Iterator<Optional<ObjectNode>> items = IonItems.read(data);
            while (items.hasNext()) {
                if (!counter.take(withKeys(items.next()), write)) {
                    return;
                }
            }
        } catch (RuntimeException malformed) {
            counter.take(Optional.empty(), write);
        }
    }

    private Optional<ObjectNode> withKeys(Optional<ObjectNode> item) {
        return item.filter(this::hasKeys);
    }

    private void dynamoDbJson(byte[] data, Predicate<ObjectNode> write, Counter counter) {
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<ObjectNode> item = jsonItem(line);
            if (!counter.take(item, write)) {
                return;
            }
        }
    }

    private Optional<ObjectNode> jsonItem(String line) {
        try {
            JsonNode item = Json.MAPPER.readTree(line).path("Item");
            return item instanceof ObjectNode object && hasKeys(object) ? Optional.of(object) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private boolean hasKeys(ObjectNode item) {
        return keys.entrySet().stream().allMatch(k -> item.path(k.getKey()).path(k.getValue()).isTextual());
    }

    private void csv(byte[] data, Predicate<ObjectNode> write, Counter counter) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(schema)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(data)) {
            List<String> columns = headers.orElse(null);
            while (rows.hasNextValue()) {
                String[] row = rows.nextValue();
                if (columns == null) {
                    columns = Arrays.asList(row);
                    continue;
                }
                if (!counter.take(csvItem(columns, row), write)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException malformed) {
            counter.take(Optional.empty(), write);
        }
    }

    private Optional<ObjectNode> csvItem(List<String> columns, String[] row) {
        if (row.length > columns.size()) {
            return Optional.empty();
        }
        ObjectNode item = Json.object();
        for (int i = 0; i < row.length; i++) {
            if (!row[i].isEmpty()) {
                item.putObject(columns.get(i)).put(types.getOrDefault(columns.get(i), "S"), row[i]);
            }
        }
        return hasKeys(item) ? Optional.of(item) : Optional.empty();
    }

    /** Counts items, imported and in error; the first error ends the object. */
    private static final class Counter {
        private final long bytes;
        private long processed;
        private long imported;
        private long errors;

        Counter(long bytes) {
            this.bytes = bytes;
        }

        /** False once the object must be abandoned. */
        boolean take(Optional<ObjectNode> item, Predicate<ObjectNode> write) {
            processed++;
            if (item.isPresent() && write.test(item.get())) {
                imported++;
                return true;
            }
            errors++;
            return false;
        }

        Outcome outcome() {
            return new Outcome(processed, imported, errors, bytes);
        }
    }
}
