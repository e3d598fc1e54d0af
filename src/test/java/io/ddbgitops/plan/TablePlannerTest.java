package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.TableManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ddbgitops.plan.Tables.liveOrders;
import static io.ddbgitops.plan.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

class TablePlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final TablePlanner planner = new TablePlanner();

    private TablePlan plan(TableManifest m, Optional<ObservedTable> live, Map<String, String> previous) {
        return planner.plan(m, live, previous, NOW);
    }

    @Test
    void createsAMissingTableWithItsOwnershipTagThenEnablesPitr() {
        TablePlan plan = plan(orders(), Optional.empty(), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.CREATED);
        assertThat(plan.actions()).hasSize(2);
        Action.CreateTable create = (Action.CreateTable) plan.actions().get(0);
        assertThat(create.tags()).containsEntry(Ownership.TAG_KEY, "shop/orders");
        assertThat(plan.actions().get(1)).isEqualTo(new Action.UpdatePitr(true, Optional.empty()));
        assertThat(plan.changes()).extracting(Change::action).containsOnly("create");
        assertThat(plan.changes()).extracting(Change::cause).containsOnly(Change.Cause.GIT);
    }

    @Test
    void createsWithoutPitrStepWhenManifestLeavesPitrOff() {
        TablePlan plan = plan(orders(20, 30, Optional.of(false)), Optional.empty(), Map.of());

        assertThat(plan.actions()).singleElement().isInstanceOf(Action.CreateTable.class);
    }

    @Test
    void leavesAMatchingTableAlone() {
        TablePlan plan = plan(orders(), Optional.of(liveOrders()), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.desired()).containsEntry(Fields.READ_CAPACITY, "20");
    }

    static Stream<Arguments> settingChanges() {
        ObservedTable live = liveOrders();
        return Stream.of(
                Arguments.of("raised read capacity", orders(40, 30, Optional.of(true)), live,
                        List.of(new Action.UpdateThroughput(io.ddbgitops.manifest.BillingMode.PROVISIONED, 40, 30)),
                        List.of(Fields.READ_CAPACITY)),
                Arguments.of("both capacities in one call", orders(5, 6, Optional.of(true)), live,
                        List.of(new Action.UpdateThroughput(io.ddbgitops.manifest.BillingMode.PROVISIONED, 5, 6)),
                        List.of(Fields.READ_CAPACITY, Fields.WRITE_CAPACITY)),
                Arguments.of("pitr turned off", orders(20, 30, Optional.of(false)), live,
                        List.of(new Action.UpdatePitr(false, Optional.empty())), List.of(Fields.PITR)),
                Arguments.of("pitr turned on", orders(), Tables.withPitr(live, false),
                        List.of(new Action.UpdatePitr(true, Optional.empty())), List.of(Fields.PITR)),
                Arguments.of("capacity and pitr", orders(21, 30, Optional.of(false)), live,
                        List.of(new Action.UpdateThroughput(io.ddbgitops.manifest.BillingMode.PROVISIONED, 21, 30),
                                new Action.UpdatePitr(false, Optional.empty())),
                        List.of(Fields.READ_CAPACITY, Fields.PITR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingChanges")
    void plansOneActionPerKindOfChange(String scenario, TableManifest manifest, ObservedTable live,
                                       List<Action> actions, List<String> fields) {
        TablePlan plan = plan(manifest, Optional.of(live), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.CHANGED);
        assertThat(plan.actions()).containsExactlyElementsOf(actions);
        assertThat(plan.changes()).extracting(Change::field).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void leavesPitrAloneWhenTheManifestDoesNotMentionIt() {
        TablePlan plan = plan(orders(20, 30, Optional.empty()), Optional.of(Tables.withPitr(liveOrders(), false)),
                Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
        assertThat(plan.actions()).isEmpty();
    }

    @Test
    void callsALiveChangeToAnAppliedValueDrift() {
        Map<String, String> applied = Fields.desired(orders());
        TablePlan plan = plan(orders(), Optional.of(Tables.withCapacity(liveOrders(), 99, 30)), applied);

        assertThat(plan.status()).isEqualTo(TableStatus.DRIFTED);
        assertThat(plan.changes()).singleElement()
                .isEqualTo(new Change(Fields.READ_CAPACITY, "99", "20", "update", Change.Cause.DRIFT));
    }

    @Test
    void callsAManifestChangeSinceTheLastApplyAGitChange() {
        Map<String, String> applied = Fields.desired(orders());
        TablePlan plan = plan(orders(40, 30, Optional.of(true)), Optional.of(liveOrders()), applied);

        assertThat(plan.status()).isEqualTo(TableStatus.CHANGED);
        assertThat(plan.changes()).singleElement()
                .isEqualTo(new Change(Fields.READ_CAPACITY, "20", "40", "update", Change.Cause.GIT));
    }

    @Test
    void recreatesATableDeletedOutsideGitAndCallsItDrift() {
        TablePlan plan = plan(orders(), Optional.empty(), Fields.desired(orders()));

        assertThat(plan.status()).isEqualTo(TableStatus.DRIFTED);
        assertThat(plan.actions().get(0)).isInstanceOf(Action.CreateTable.class);
        assertThat(plan.messages()).anyMatch(m -> m.contains("deleted outside git"));
    }

    @Test
    void blocksAKeyChangeAndDestroysNothing() {
        ObservedTable live = Tables.withSortKey(liveOrders(), Optional.of(new KeyAttribute("placedAt", AttributeType.S)));
        TablePlan plan = plan(orders(), Optional.of(live), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).singleElement().extracting(Change::action).isEqualTo("blocked");
        assertThat(plan.messages().get(0)).contains("cannot be changed in place").contains("recreated");
        assertThat(plan.desired()).doesNotContainKey(Fields.KEY_SCHEMA);
    }

    @Test
    void stillAppliesSafeChangesBesideABlockedKeyChange() {
        ObservedTable live = Tables.withSortKey(liveOrders(), Optional.empty());
        TablePlan plan = plan(orders(40, 30, Optional.of(true)), Optional.of(live), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).containsExactly(
                new Action.UpdateThroughput(io.ddbgitops.manifest.BillingMode.PROVISIONED, 40, 30));
    }

    @Test
    void leavesATableItDoesNotOwnAlone() {
        TablePlan plan = plan(orders(40, 30, Optional.of(true)), Optional.of(Tables.unowned(liveOrders())), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.UNMANAGED);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.messages().get(0)).contains("not managed by ddb-gitops").contains("adopt: true");
    }

    @Test
    void leavesATableOwnedByAnotherManifestAlone() {
        ObservedTable live = Tables.withTags(liveOrders(), Map.of(Ownership.TAG_KEY, "other/orders"));
        TablePlan plan = plan(orders(), Optional.of(live), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.UNMANAGED);
        assertThat(plan.messages().get(0)).contains("other/orders");
    }

    @Test
    void adoptNeverTakesATableAnotherManifestOwns() {
        ObservedTable live = Tables.withTags(liveOrders(), Map.of(Ownership.TAG_KEY, "billing/orders"));
        TablePlan plan = plan(Tables.adopting(orders(40, 30, Optional.of(true))), Optional.of(live), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.UNMANAGED);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.messages().get(0)).contains("owned by manifest billing/orders, not shop/orders")
                .contains("adopt: true only takes a table that no manifest owns");
    }

    @Test
    void adoptsAnUnownedTableByTaggingIt() {
        TablePlan plan = plan(Tables.adopting(orders()), Optional.of(Tables.unowned(liveOrders())), Map.of());

        assertThat(plan.status()).isEqualTo(TableStatus.CHANGED);
        assertThat(plan.actions()).containsExactly(new Action.TagTable(Map.of(Ownership.TAG_KEY, "shop/orders")));
    }

    @Test
    void keepsThePreviouslyAppliedRecordForAnUnmanagedTable() {
        Map<String, String> previous = Map.of(Fields.READ_CAPACITY, "7");
        TablePlan plan = plan(orders(), Optional.of(Tables.unowned(liveOrders())), previous);

        assertThat(plan.desired()).isEqualTo(previous);
    }
}
