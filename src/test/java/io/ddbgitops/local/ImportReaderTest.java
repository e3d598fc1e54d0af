package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the endpoint's ImportTable turns one S3 object into items, format by format, and counts what it could not. */
class ImportReaderTest {
    private static final Map<String, String> KEYS = Map.of("id", "S");

    @TempDir
    Path temp;

    private final List<ObjectNode> written = new ArrayList<>();

    private ImportReader reader(String format, String compression) {
        return new ImportReader(format, compression, ',', Optional.empty(), KEYS, Map.of("id", "S", "rank", "N"));
    }

    private Path object(byte[] data) throws IOException {
        return Files.write(temp.resolve("object-" + System.nanoTime()), data);
    }

    private ImportReader.Outcome read(ImportReader reader, byte[] data) throws IOException {
        return reader.read(object(data), item -> written.add(item));
    }

    @Test
    void skipsBlankLinesAndAbandonsTheObjectAtTheFirstItemItCannotMake() throws IOException {
        String lines = "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n\n   \n{\"Item\":{\"other\":{\"S\":\"x\"}}}\n"
                + "{\"Item\":{\"id\":{\"S\":\"never read\"}}}\n";

        ImportReader.Outcome outcome = read(reader("DYNAMODB_JSON", "NONE"), lines.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isEqualTo(new ImportReader.Outcome(2, 1, 1, lines.length()));
        assertThat(written).extracting(i -> i.path("id").path("S").asText()).containsExactly("a");
    }

    @Test
    void readsCsvWithItsHeaderLineAndTypesIndexKeysAsDefinedAndTheRestAsStrings() throws IOException {
        String csv = "id,rank,note\nx1,7,\"a, quoted\"\nx2,,\n";

        ImportReader.Outcome outcome = read(reader("CSV", "NONE"), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.imported()).isEqualTo(2);
        assertThat(written.get(0).toString()).isEqualTo(
                "{\"id\":{\"S\":\"x1\"},\"rank\":{\"N\":\"7\"},\"note\":{\"S\":\"a, quoted\"}}");
        assertThat(written.get(1).toString()).as("an empty column is no attribute").isEqualTo("{\"id\":{\"S\":\"x2\"}}");
    }

    @Test
    void inflatesZstdWithoutANativeLibrary() throws IOException {
        byte[] plain = "{\"Item\":{\"id\":{\"S\":\"z\"}}}\n".getBytes(StandardCharsets.UTF_8);
        ZstdCompressor compressor = new ZstdCompressor();
        byte[] compressed = new byte[compressor.maxCompressedLength(plain.length)];
        int size = compressor.compress(plain, 0, plain.length, compressed, 0, compressed.length);

        ImportReader.Outcome outcome = read(reader("DYNAMODB_JSON", "ZSTD"),
                java.util.Arrays.copyOf(compressed, size));

        assertThat(outcome).isEqualTo(new ImportReader.Outcome(1, 1, 0, plain.length));
    }

    @Test
    void readsIonWithItsTypesAndAnnotatedSets() throws IOException {
        String ion = "$ion_1_0 {Item:{id:\"i1\", n:12.50, ok:true, tags:$dynamodb_SS::[\"a\",\"b\"], "
                + "ns:$dynamodb_NS::[1,2], m:{k:null}, l:[\"s\", 3]}}";

        ImportReader.Outcome outcome = read(reader("ION", "NONE"), ion.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.imported()).isEqualTo(1);
        assertThat(written.get(0).toString()).isEqualTo("{\"id\":{\"S\":\"i1\"},\"n\":{\"N\":\"12.50\"},"
                + "\"ok\":{\"BOOL\":true},\"tags\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2\"]},"
                + "\"m\":{\"M\":{\"k\":{\"NULL\":true}}},\"l\":{\"L\":[{\"S\":\"s\"},{\"N\":\"3\"}]}}");
    }

    @Test
    void anObjectThatIsNotWhatItsCompressionSaysIsOneItemInError() throws IOException {
        ImportReader.Outcome outcome = read(reader("DYNAMODB_JSON", "GZIP"), "not gzip".getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isEqualTo(new ImportReader.Outcome(1, 0, 1, 0));
        assertThat(written).isEmpty();
    }
}
