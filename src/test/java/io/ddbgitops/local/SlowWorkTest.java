package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The phases of slow work at their edges, on a clock the test moves. */
class SlowWorkTest {
    private static final TableKey TABLE = new TableKey("us-east-1", "orders");
    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final SlowWork work = new SlowWork(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    });

    @Test
    void anIndexAllocatesForAFifthOfItsDelayThenBackfillsUntilTheEnd() {
        work.setDelays(Delays.NONE.withIndexBackfill(Duration.ofSeconds(10)));
        work.updated(TABLE, createIndex("by-day"));

        assertThat(describe()).isEqualTo(view("UPDATING", "CREATING", false));
        millis.addAndGet(1_999);
        assertThat(describe()).isEqualTo(view("UPDATING", "CREATING", false));
        millis.addAndGet(1);
        assertThat(describe()).isEqualTo(view("ACTIVE", "CREATING", true));
        millis.addAndGet(7_999);
        assertThat(describe()).isEqualTo(view("ACTIVE", "CREATING", true));
        millis.addAndGet(1);
        assertThat(describe()).isEqualTo(view("ACTIVE", "ACTIVE", null));
    }

    @Test
    void aSecondIndexChangeIsALimitUntilTheFirstIndexIsActiveButDeletingItIsNot() {
        work.setDelays(Delays.NONE.withIndexBackfill(Duration.ofSeconds(10)));
        work.updated(TABLE, createIndex("by-day"));
        millis.addAndGet(2_000);

        assertThatThrownBy(() -> work.checkUpdate(TABLE, createIndex("by-week")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("LimitExceededException"))
                .hasMessage("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously"
                        + " per table");
        assertThatThrownBy(() -> work.checkUpdate(TABLE, deleteIndex("by-month")))
                .isInstanceOf(AwsException.class);
        assertThatCode(() -> work.checkUpdate(TABLE, deleteIndex("by-day"))).doesNotThrowAnyException();
        millis.addAndGet(8_000);
        assertThatCode(() -> work.checkUpdate(TABLE, createIndex("by-week"))).doesNotThrowAnyException();
    }

    @Test
    void whileAllocatingOtherUpdatesAndDeletionAreResourceInUse() {
        work.setDelays(Delays.NONE.withIndexBackfill(Duration.ofSeconds(10)));
        work.updated(TABLE, createIndex("by-day"));

        ObjectNode billing = Json.object().put("TableName", "orders").put("BillingMode", "PAY_PER_REQUEST");
        assertThatThrownBy(() -> work.checkUpdate(TABLE, billing))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceInUseException"))
                .hasMessage("Attempt to change a resource which is still in use: Table is being updated: orders");
        assertThatThrownBy(() -> work.checkDelete(TABLE)).isInstanceOf(AwsException.class);
        millis.addAndGet(2_000);
        assertThatCode(() -> work.checkUpdate(TABLE, billing)).doesNotThrowAnyException();
        assertThatCode(() -> work.checkDelete(TABLE)).doesNotThrowAnyException();
    }

    @Test
    void withoutDelaysNothingIsInProgressAndAForgottenTableStartsClean() {
        work.updated(TABLE, createIndex("by-day"));
        assertThat(describe()).isEqualTo(view("ACTIVE", "ACTIVE", null));

        work.setDelays(Delays.NONE.withTableClassUpdate(Duration.ofMinutes(1)));
        work.updated(TABLE, Json.object().put("TableName", "orders").put("TableClass", "STANDARD"));
        assertThat(describe().path("TableStatus").asText()).isEqualTo("UPDATING");
        work.forget(TABLE);
        assertThat(describe().path("TableStatus").asText()).isEqualTo("ACTIVE");
    }

    private ObjectNode describe() {
        ObjectNode description = view("ACTIVE", "ACTIVE", null);
        work.describe(TABLE, description);
        return description;
    }

    private static ObjectNode view(String tableStatus, String indexStatus, Boolean backfilling) {
        ObjectNode description = Json.object().put("TableName", "orders").put("TableStatus", tableStatus);
        ObjectNode index = description.putArray("GlobalSecondaryIndexes").addObject().put("IndexName", "by-day")
                .put("IndexStatus", indexStatus);
        if (backfilling != null) {
            index.put("Backfilling", backfilling);
        }
        return description;
    }

    private static ObjectNode createIndex(String name) {
        ObjectNode update = Json.object().put("TableName", "orders");
        update.putArray("GlobalSecondaryIndexUpdates").addObject().putObject("Create").put("IndexName", name);
        return update;
    }

    private static ObjectNode deleteIndex(String name) {
        ObjectNode update = Json.object().put("TableName", "orders");
        update.putArray("GlobalSecondaryIndexUpdates").addObject().putObject("Delete").put("IndexName", name);
        return update;
    }
}
