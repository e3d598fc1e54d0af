package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeLogTest {
    @Test
    void replaysTheChangesAtOrBeforeTheInstantOverTheBase() {
        ChangeLog log = new ChangeLog(List.of("pk"), 1_000, List.of(item("a", 1), item("b", 1)));
        log.append(new ChangeLog.Change(1_010, key("a"), Optional.of(item("a", 2))));
        log.append(new ChangeLog.Change(1_020, key("b"), Optional.empty()));
        log.append(new ChangeLog.Change(1_030, key("c"), Optional.of(item("c", 1))));

        assertThat(log.itemsAt(1_000)).containsExactlyInAnyOrder(item("a", 1), item("b", 1));
        assertThat(log.itemsAt(1_010)).containsExactlyInAnyOrder(item("a", 2), item("b", 1));
        assertThat(log.itemsAt(1_029)).containsExactlyInAnyOrder(item("a", 2));
        assertThat(log.itemsAt(1_030)).containsExactlyInAnyOrder(item("a", 2), item("c", 1));
    }

    @Test
    void compactingFoldsOlderChangesIntoTheBaseAndKeepsLaterOnes() {
        ChangeLog log = new ChangeLog(List.of("pk"), 1_000, List.of(item("a", 1)));
        log.append(new ChangeLog.Change(1_010, key("a"), Optional.of(item("a", 2))));
        log.append(new ChangeLog.Change(1_020, key("a"), Optional.of(item("a", 3))));

        assertThat(log.compactBefore(1_015)).isTrue();

        assertThat(log.baseMillis()).isEqualTo(1_015);
        assertThat(log.baseItems()).containsExactly(item("a", 2));
        assertThat(log.changes()).hasSize(1);
        assertThat(log.itemsAt(1_020)).containsExactly(item("a", 3));
    }

    @Test
    void identifiesItemsByAllKeyAttributesWhateverTheirOrder() {
        ChangeLog log = new ChangeLog(List.of("sk", "pk"), 0, List.of());
        ObjectNode item = Json.object();
        item.putObject("sk").put("N", "1");
        item.putObject("pk").put("S", "a");
        item.putObject("other").put("S", "x");

        assertThat(log.keyOfItem(item).fieldNames()).toIterable().containsExactly("pk", "sk");
    }

    @Test
    void aDeletionWrittenWithAnotherSpellingOfTheNumberRemovesTheItem() {
        ObjectNode stored = Json.object();
        stored.putObject("id").put("N", "1");
        ObjectNode deleted = Json.object();
        deleted.putObject("id").put("N", "1.0");
        ChangeLog log = new ChangeLog(List.of("id"), 0, List.of(stored));

        log.append(new ChangeLog.Change(5, deleted, Optional.empty()));

        assertThat(ChangeLog.canonical(deleted)).isEqualTo(ChangeLog.canonical(stored));
        assertThat(log.itemsAt(5)).isEmpty();
    }

    private static ObjectNode key(String pk) {
        ObjectNode key = Json.object();
        key.putObject("pk").put("S", pk);
        return key;
    }

    private static JsonNode item(String pk, int version) {
        ObjectNode item = key(pk);
        item.putObject("v").put("N", Integer.toString(version));
        return item;
    }
}
