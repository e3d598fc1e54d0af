package io.ddbgitops.plan;

import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.TableManifest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A manifest with {@code restore} creates its table from that data; on an existing table it changes nothing. */
class RestorePlanningTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final TablePlanner planner = new TablePlanner();

    private static TableManifest restoring(RestoreSpec source) {
        return Tables.orders(o -> {
            o.restore = Optional.of(source);
            return o;
        });
    }

    @Test
    void restoresInsteadOfCreatingAndThenTurnsOnPitr() {
        TableManifest manifest = restoring(new RestoreSpec.FromBackup("Orders-ddbgitops-20261121T030000Z"));

        TablePlan plan = planner.plan(manifest, Optional.empty(), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.CREATED);
        assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.RestoreTable.class, restore -> {
            assertThat(restore.source()).isEqualTo(manifest.options().restore().orElseThrow());
            assertThat(restore.tags()).containsEntry(Ownership.TAG_KEY, "shop/orders");
            assertThat(restore.describe())
                    .isEqualTo("restore table us-east-1/Orders from backup Orders-ddbgitops-20261121T030000Z");
        });
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.CreateTable);
        assertThat(plan.actions()).anyMatch(a -> a instanceof Action.UpdatePitr p && p.enabled());
    }

    @Test
    void describesAPointInTimeSource() {
        TableManifest manifest = restoring(new RestoreSpec.FromPointInTime("OrdersOld",
                Optional.of(Instant.parse("2026-11-21T02:30:00Z"))));

        Action first = planner.plan(manifest, Optional.empty(), Map.of(), NOW).actions().get(0);

        assertThat(first.describe()).isEqualTo("restore table us-east-1/Orders from table OrdersOld at 2026-11-21T02:30:00Z");
    }

    @Test
    void anExistingTableIsNeverRestoredOver() {
        TableManifest manifest = restoring(new RestoreSpec.FromPointInTime("OrdersOld", Optional.empty()));

        TablePlan plan = planner.plan(manifest, Optional.of(Tables.liveOrders()), Map.of(), NOW);

        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.RestoreTable);
    }
}
