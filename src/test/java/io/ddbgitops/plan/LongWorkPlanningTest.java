package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.TableManifest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ddbgitops.plan.Tables.liveOrders;
import static io.ddbgitops.plan.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

class LongWorkPlanningTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final KeyAttribute CATEGORY = new KeyAttribute("category", AttributeType.S);
    private final TablePlanner noWait = new TablePlanner(PlanSettings.defaults());
    private final TablePlanner waiting = new TablePlanner(new PlanSettings(RateRules.DEFAULT_DECREASES_PER_DAY, true));

    private static GlobalSecondaryIndex gsi(String name) {
        return new GlobalSecondaryIndex(name, CATEGORY, Optional.empty(), Projection.all(), Optional.of(5L),
                Optional.of(5L));
    }

    private static ObservedIndex liveGsi(String name, String status) {
        return new ObservedIndex(name, CATEGORY, Optional.empty(), Projection.all(), 5, 5, ThroughputHistory.none(),
                status);
    }

    private final TableManifest twoIndexes = orders(o -> o.gsis(gsi("first"), gsi("second")).ttl("expiresAt"));
    private final ObservedTable firstBackfilling = liveOrders(t -> t.globalIndexes(List.of(liveGsi("first", "CREATING"))));

    @Test
    void leavesTheSecondIndexPendingWhileTheFirstIsStillCreating() {
        TablePlan plan = noWait.plan(twoIndexes, Optional.of(firstBackfilling), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.IN_PROGRESS);
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.CreateIndex);
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("gsi.first.status");
            assertThat(c.action()).isEqualTo(Change.IN_PROGRESS);
            assertThat(c.since()).contains(NOW);
        });
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("gsi.second");
            assertThat(c.action()).isEqualTo(Change.PENDING);
        });
        assertThat(plan.desired()).doesNotContainKey("gsi.second");
    }

    @Test
    void stillChangesWhatDoesNotNeedAnActiveTable() {
        TablePlan plan = noWait.plan(twoIndexes, Optional.of(firstBackfilling), Map.of(), NOW);

        assertThat(plan.actions()).containsExactly(new Action.SetTimeToLive("expiresAt", true));
    }

    @Test
    void keepsTheTimeTheWorkWasFirstSeen() {
        Instant started = NOW.minus(Duration.ofMinutes(40));
        ChangeHistory history = new ChangeHistory(List.of(), List.of(), Optional.empty(),
                Map.of("gsi.first.status", started));

        TablePlan plan = noWait.plan(twoIndexes, Optional.of(firstBackfilling), Map.of(), history, NOW);

        assertThat(plan.changes()).filteredOn(c -> c.action().equals(Change.IN_PROGRESS))
                .singleElement().satisfies(c -> assertThat(c.since()).contains(started));
        assertThat(plan.history().inProgressSince()).containsEntry("gsi.first.status", started);
    }

    @Test
    void continuesWithTheSecondIndexOnceTheFirstIsActive() {
        ObservedTable firstActive = liveOrders(t -> t.globalIndexes(List.of(liveGsi("first", "ACTIVE"))));
        ChangeHistory history = new ChangeHistory(List.of(), List.of(), Optional.empty(),
                Map.of("gsi.first.status", NOW.minus(Duration.ofMinutes(40))));

        TablePlan plan = noWait.plan(twoIndexes, Optional.of(firstActive), Map.of(), history, NOW);

        assertThat(plan.actions()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(Action.CreateIndex.class,
                c -> assertThat(c.index().indexName()).isEqualTo("second")));
        assertThat(plan.history().inProgressSince()).isEmpty();
        assertThat(plan.fieldsOf(plan.actions().get(0))).contains("gsi.second");
    }

    @Test
    void withWaitPlansEverythingAsUsualBecauseTheApplierWaits() {
        TablePlan plan = waiting.plan(twoIndexes, Optional.of(firstBackfilling), Map.of(), NOW);

        assertThat(plan.actions()).anyMatch(a -> a instanceof Action.CreateIndex);
        assertThat(plan.status()).isNotEqualTo(TableStatus.IN_PROGRESS);
    }

    @Test
    void aBusyTableInSyncOtherwiseIsOnlyInProgress() {
        TableManifest one = orders(o -> o.gsis(gsi("first")));
        TablePlan plan = noWait.plan(one, Optional.of(firstBackfilling), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.IN_PROGRESS);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).extracting(Change::action).containsExactly(Change.IN_PROGRESS);
    }
}
