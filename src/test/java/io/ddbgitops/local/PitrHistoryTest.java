package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitrHistoryTest {
    private static final long HOUR = 3_600_000L;
    private static final TableKey TABLE = new TableKey("us-east-1", "orders--v2");

    @TempDir
    Path dir;

    @Test
    void reloadsTheBaseAndTheAppendedChanges() throws Exception {
        PitrHistory written = PitrHistory.persistentIn(dir);
        written.start(TABLE, List.of("pk"), 1_000, List.of(item("a", 1)));
        written.append(TABLE, new ChangeLog.Change(2_000, key("a"), Optional.of(item("a", 2))));
        written.append(TABLE, new ChangeLog.Change(3_000, key("b"), Optional.of(item("b", 1))));

        PitrHistory reloaded = PitrHistory.persistentIn(dir);

        assertThat(reloaded.itemsAt(TABLE, 2_500)).containsExactly(item("a", 2));
        assertThat(reloaded.itemsAt(TABLE, 3_000)).containsExactlyInAnyOrder(item("a", 2), item("b", 1));
    }

    @Test
    void compactsOnlyOnceTheOldestChangeIsAnHourOutOfTheWindow() throws Exception {
        PitrHistory history = PitrHistory.persistentIn(dir);
        history.start(TABLE, List.of("pk"), 0, List.of());
        history.append(TABLE, new ChangeLog.Change(10, key("a"), Optional.of(item("a", 1))));
        history.append(TABLE, new ChangeLog.Change(3 * HOUR, key("a"), Optional.of(item("a", 2))));
        Path log = dir.resolve("us-east-1--orders--v2.log.jsonl");

        history.compactBefore(TABLE, HOUR);
        assertThat(Files.readAllLines(log)).hasSize(2);

        history.compactBefore(TABLE, 2 * HOUR);
        assertThat(Files.readAllLines(log)).hasSize(1);
        assertThat(PitrHistory.persistentIn(dir).itemsAt(TABLE, 2 * HOUR)).containsExactly(item("a", 1));
    }

    @Test
    void ignoresALastLineAKillCutShortAndLeftoverTemporaryFiles() throws Exception {
        PitrHistory written = PitrHistory.persistentIn(dir);
        written.start(TABLE, List.of("pk"), 1_000, List.of(item("a", 1)));
        written.append(TABLE, new ChangeLog.Change(2_000, key("a"), Optional.of(item("a", 2))));
        Path log = dir.resolve("us-east-1--orders--v2.log.jsonl");
        Files.writeString(log, "{\"at\":3000,\"key\":{\"pk\":{\"S\":\"b\"}},\"item\":{\"pk\"",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("us-east-1--orders--v2.base.json123.tmp"), "{\"half");

        PitrHistory reloaded = PitrHistory.persistentIn(dir);

        assertThat(reloaded.itemsAt(TABLE, 5_000)).containsExactly(item("a", 2));
        assertThat(dir.resolve("us-east-1--orders--v2.base.json123.tmp")).doesNotExist();
    }

    @Test
    void dropsTheFilesWithTheHistory() throws Exception {
        PitrHistory history = PitrHistory.persistentIn(dir);
        history.start(TABLE, List.of("pk"), 0, List.of(item("a", 1)));

        history.drop(TABLE);

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static ObjectNode key(String pk) {
        ObjectNode key = Json.object();
        key.putObject("pk").put("S", pk);
        return key;
    }

    private static ObjectNode item(String pk, int version) {
        ObjectNode item = key(pk);
        item.putObject("v").put("N", Integer.toString(version));
        return item;
    }
}
