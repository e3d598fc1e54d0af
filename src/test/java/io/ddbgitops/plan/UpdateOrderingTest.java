package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.LocalSecondaryIndex;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.StreamViewType;
import io.ddbgitops.manifest.TableClass;
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

/** The order DynamoDB allows updates in, and what is blocked until when. */
class UpdateOrderingTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final KeyAttribute CATEGORY = new KeyAttribute("category", AttributeType.S);
    private static final KeyAttribute PRICE = new KeyAttribute("price", AttributeType.N);
    private final TablePlanner planner = new TablePlanner();

    private TablePlan plan(TableManifest m, ObservedTable live) {
        return plan(m, live, Map.of());
    }

    private TablePlan plan(TableManifest m, ObservedTable live, Map<String, String> previous) {
        return planner.plan(m, Optional.of(live), previous, NOW);
    }

    private static GlobalSecondaryIndex gsi(String name, Projection projection, long read, long write) {
        return new GlobalSecondaryIndex(name, CATEGORY, Optional.of(PRICE), projection, Optional.of(read), Optional.of(write));
    }

    private static ObservedIndex liveGsi(String name, Projection projection, long read, long write) {
        return new ObservedIndex(name, CATEGORY, Optional.of(PRICE), projection, read, write, ThroughputHistory.none(),
                "ACTIVE");
    }

    @Test
    void deletesIndexesFirstThenChangesThroughputThenCreatesOneIndexPerUpdate() {
        TableManifest m = orders(o -> o.gsis(gsi("byCategory", Projection.all(), 8, 8),
                gsi("byPrice", Projection.all(), 5, 5), gsi("byName", Projection.all(), 5, 5)));
        ObservedTable live = liveOrders(t -> t.globalIndexes(List.of(
                liveGsi("byCategory", Projection.all(), 5, 5), liveGsi("old", Projection.all(), 5, 5))));

        TablePlan plan = plan(m, live);

        assertThat(plan.actions()).containsExactly(
                new Action.SafetyBackup("before deleting index old"),
                new Action.DeleteIndex("old"),
                new Action.UpdateIndexThroughput(new Action.IndexThroughput("byCategory", 8, 8)),
                new Action.CreateIndex(gsi("byName", Projection.all(), 5, 5),
                        Optional.of(new Action.IndexThroughput("byName", 5, 5))),
                new Action.CreateIndex(gsi("byPrice", Projection.all(), 5, 5),
                        Optional.of(new Action.IndexThroughput("byPrice", 5, 5))));
        assertThat(plan.status()).isEqualTo(TableStatus.CHANGED);
    }

    @Test
    void recreatesAnIndexWhoseProjectionChangedAfterASafetyBackup() {
        Projection keysOnly = new Projection(Projection.Type.KEYS_ONLY, List.of());
        TableManifest m = orders(o -> o.gsis(gsi("byCategory", keysOnly, 5, 5)));
        ObservedTable live = liveOrders(t -> t.globalIndexes(List.of(liveGsi("byCategory", Projection.all(), 5, 5))));

        TablePlan plan = plan(m, live);

        assertThat(plan.actions()).extracting(Action::describe).containsExactly(
                "take a safety backup (before deleting index byCategory)", "delete index byCategory",
                "create index byCategory");
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("recreate");
            assertThat(c.to()).contains("projection KEYS_ONLY");
        });
        assertThat(plan.messages()).anyMatch(msg -> msg.contains("deleted and created again"));
    }

    @Test
    void takesNoSafetyBackupWhenTheManifestSaysNot() {
        TableManifest m = orders(o -> o.gsis().backupBeforeDestructiveChange(false));
        ObservedTable live = liveOrders(t -> t.globalIndexes(List.of(liveGsi("old", Projection.all(), 5, 5))));

        assertThat(plan(m, live).actions()).containsExactly(new Action.DeleteIndex("old"));
    }

    @Test
    void leavesLiveIndexesAloneWhenTheManifestListsNone() {
        ObservedTable live = liveOrders(t -> t.globalIndexes(List.of(liveGsi("old", Projection.all(), 5, 5))));

        assertThat(plan(orders(), live).status()).isEqualTo(TableStatus.IN_SYNC);
    }

    @Test
    void blocksALocalIndexChange() {
        LocalSecondaryIndex byStatus = new LocalSecondaryIndex("byStatus",
                new KeyAttribute("status", AttributeType.S), Projection.all());
        TablePlan plan = plan(orders(o -> o.lsis(byStatus)), liveOrders());

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.messages().get(0)).contains("lsi.byStatus cannot be changed in place");
    }

    @Test
    void aFifthSwitchToOnDemandWithin24HoursIsBlockedUntilTheOldestLeavesTheWindow() {
        // three switches recorded in report.json, the fourth seen only in DescribeTable (someone else's)
        ChangeHistory history = new ChangeHistory(List.of(NOW.minus(Duration.ofHours(20)),
                NOW.minus(Duration.ofHours(10)), NOW.minus(Duration.ofHours(5))), List.of(), Optional.empty(), Map.of());
        ObservedTable live = liveOrders(t -> t.history(new ThroughputHistory(0, Optional.empty(), Optional.empty(),
                Optional.of(NOW.minus(Duration.ofHours(3))))));

        TablePlan plan = planner.plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST)), Optional.of(live), Map.of(),
                history, NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.possibleAt())
                .contains(Instant.parse("2026-11-21T16:00:00Z")));
        assertThat(plan.messages()).anyMatch(msg -> msg.contains("possible at 2026-11-21T16:00Z"));
    }

    @Test
    void aFourthSwitchToOnDemandWithin24HoursIsAllowed() {
        ChangeHistory history = new ChangeHistory(List.of(NOW.minus(Duration.ofHours(20)),
                NOW.minus(Duration.ofHours(10)), NOW.minus(Duration.ofHours(5))), List.of(), Optional.empty(), Map.of());

        TablePlan plan = planner.plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST)), Optional.of(liveOrders()),
                Map.of(), history, NOW);

        assertThat(plan.actions()).singleElement().isInstanceOf(Action.UpdateThroughput.class);
        assertThat(plan.history().after(plan.actions(), true, NOW).switchesToOnDemand()).hasSize(4).contains(NOW);
    }

    @Test
    void aThirdTableClassChangeIn30DaysIsBlocked() {
        ChangeHistory history = new ChangeHistory(List.of(), List.of(NOW.minus(Duration.ofDays(29)),
                NOW.minus(Duration.ofDays(2))), Optional.empty(), Map.of());

        TablePlan plan = planner.plan(orders(o -> o.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)),
                Optional.of(liveOrders()), Map.of(), history, NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(Fields.TABLE_CLASS);
            assertThat(c.possibleAt()).contains(Instant.parse("2026-11-22T12:00:00Z"));
        });
    }

    @Test
    void aTtlChangeWithinTheHourOfOurLastIsBlockedAndPossibleAtItsEnd() {
        ChangeHistory justInside = new ChangeHistory(List.of(), List.of(),
                Optional.of(NOW.minus(Duration.ofMinutes(59))), Map.of());
        ChangeHistory onTheHour = new ChangeHistory(List.of(), List.of(),
                Optional.of(NOW.minus(Duration.ofMinutes(60))), Map.of());
        TableManifest m = orders(o -> o.ttl("expiresAt"));

        TablePlan blocked = planner.plan(m, Optional.of(liveOrders()), Map.of(), justInside, NOW);
        TablePlan allowed = planner.plan(m, Optional.of(liveOrders()), Map.of(), onTheHour, NOW);

        assertThat(blocked.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(blocked.actions()).isEmpty();
        assertThat(blocked.changes()).singleElement().satisfies(c ->
                assertThat(c.possibleAt()).contains(Instant.parse("2026-11-21T12:01:00Z")));
        assertThat(allowed.actions()).containsExactly(new Action.SetTimeToLive("expiresAt", true));
    }

    @Test
    void anAdjustedDecreaseQuotaIsKeptAtItsEdge() {
        TablePlanner fivePerDay = new TablePlanner(new PlanSettings(5, false));
        ObservedTable fourToday = liveOrders(t -> t.capacity(40, 30)
                .history(new ThroughputHistory(4, Optional.of(NOW.minus(Duration.ofHours(2))), Optional.empty(),
                        Optional.empty())));
        ObservedTable fiveToday = liveOrders(t -> t.capacity(40, 30)
                .history(new ThroughputHistory(5, Optional.of(NOW.minus(Duration.ofHours(2))), Optional.empty(),
                        Optional.empty())));

        assertThat(fivePerDay.plan(orders(), Optional.of(fourToday), Map.of(), NOW).actions()).hasSize(1);
        TablePlan spent = fivePerDay.plan(orders(), Optional.of(fiveToday), Map.of(), NOW);
        assertThat(spent.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(spent.changes()).allSatisfy(c ->
                assertThat(c.possibleAt()).contains(Instant.parse("2026-11-22T00:00:00Z")));
        // with AWS's default quota the same table may still decrease
        assertThat(plan(orders(), fiveToday).actions()).hasSize(1);
    }

    @Test
    void switchesToOnDemandInOneCall() {
        TablePlan plan = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST)), liveOrders());

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.UpdateThroughput.class,
                u -> assertThat(u.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST));
    }

    @Test
    void switchingToProvisionedCarriesEveryIndexThroughput() {
        TableManifest m = orders(o -> o.gsis(gsi("byCategory", Projection.all(), 7, 3)));
        ObservedTable live = liveOrders(t -> t.billingMode(BillingMode.PAY_PER_REQUEST).capacity(0, 0)
                .globalIndexes(List.of(liveGsi("byCategory", Projection.all(), 0, 0))));

        TablePlan plan = plan(m, live);

        assertThat(plan.actions()).singleElement().isEqualTo(new Action.UpdateThroughput(BillingMode.PROVISIONED, 20, 30,
                Optional.empty(), Optional.empty(), List.of(new Action.IndexThroughput("byCategory", 7, 3))));
    }

    @Test
    void aDecreaseWithTheDailyBudgetSpentIsBlockedUntilTheNextSlot() {
        Instant lastDecrease = NOW.minus(Duration.ofMinutes(10));
        ObservedTable live = liveOrders(t -> t.capacity(40, 30)
                .history(new ThroughputHistory(4, Optional.of(lastDecrease), Optional.empty(), Optional.empty())));

        TablePlan plan = plan(orders(), live);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.messages()).anyMatch(msg -> msg.contains("next decrease is possible at 2026-11-21T12:50Z"));
    }

    @Test
    void anIncreaseIgnoresTheDecreaseBudget() {
        ObservedTable live = liveOrders(t -> t.capacity(10, 30)
                .history(new ThroughputHistory(27, Optional.of(NOW.minusSeconds(60)), Optional.empty(), Optional.empty())));

        assertThat(plan(orders(), live).actions()).singleElement().isInstanceOf(Action.UpdateThroughput.class);
    }

    @Test
    void changesAStreamViewTypeByDisablingThenEnabling() {
        ObservedTable live = liveOrders(t -> t.stream(Optional.of(StreamViewType.NEW_IMAGE)));

        TablePlan plan = plan(orders(o -> o.stream(StreamViewType.KEYS_ONLY)), live);

        assertThat(plan.actions()).containsExactly(new Action.SetStream(Optional.empty()),
                new Action.SetStream(Optional.of(StreamViewType.KEYS_ONLY)));
    }

    @Test
    void leavesAStreamAloneWhenTheManifestNeverMentionedIt() {
        ObservedTable live = liveOrders(t -> t.stream(Optional.of(StreamViewType.NEW_IMAGE)));

        assertThat(plan(orders(), live).actions()).isEmpty();
    }

    @Test
    void disablesAStreamWhoseLineWasRemovedAfterWeAppliedIt() {
        ObservedTable live = liveOrders(t -> t.stream(Optional.of(StreamViewType.NEW_IMAGE)));

        TablePlan plan = plan(orders(), live, Map.of(Fields.STREAM, "NEW_IMAGE"));

        assertThat(plan.actions()).containsExactly(new Action.SetStream(Optional.empty()));
        assertThat(plan.desired()).doesNotContainKey(Fields.STREAM);
    }

    @Test
    void enablesTtlWhenItIsOff() {
        assertThat(plan(orders(o -> o.ttl("expiresAt")), liveOrders()).actions())
                .containsExactly(new Action.SetTimeToLive("expiresAt", true));
    }

    @Test
    void movingTtlToAnotherAttributeDisablesNowAndBlocksTheEnableForAnHour() {
        ObservedTable live = liveOrders(t -> t.ttl(Optional.of(new ObservedTable.TimeToLive(Optional.of("old"), "ENABLED"))));

        TablePlan plan = plan(orders(o -> o.ttl("expiresAt")), live);

        assertThat(plan.actions()).containsExactly(new Action.SetTimeToLive("old", false));
        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.messages()).anyMatch(msg -> msg.contains("one TTL change per hour")
                && msg.contains("possible at 2026-11-21T13:00Z"));
    }

    @Test
    void waitsForATtlChangeInProgress() {
        ObservedTable live = liveOrders(t -> t.ttl(Optional.of(new ObservedTable.TimeToLive(Optional.of("old"), "DISABLING"))));

        TablePlan plan = plan(orders(o -> o.ttl("expiresAt")), live);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
    }

    @Test
    void enforcesMentionedTagsRemovesDroppedOnesAndLeavesOthersAlone() {
        ObservedTable live = liveOrders(t -> t.tags(Map.of(Ownership.TAG_KEY, "shop/orders", "team", "old",
                "dropped", "x", "someone-else", "y")));

        TablePlan plan = plan(orders(o -> o.tags(Map.of("team", "store", "new", "1"))), live,
                Map.of("tags.dropped", "x"));

        assertThat(plan.actions()).containsExactly(new Action.TagTable(Map.of("new", "1", "team", "store")),
                new Action.UntagTable(java.util.Set.of("dropped")));
    }

    @Test
    void comparesOnlyTheTypeOfAKmsKeyGivenByAlias() {
        ObservedTable live = liveOrders(t -> t.sse(new SseSpec(SseSpec.Type.KMS,
                Optional.of("arn:aws:kms:us-east-1:000000000000:key/1234"))));

        TablePlan plan = plan(orders(o -> o.sse(new SseSpec(SseSpec.Type.KMS, Optional.of("alias/orders")))), live);

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
    }

    @Test
    void addsAndRemovesReplicasOneRegionPerCall() {
        ObservedTable live = liveOrders(t -> t.replicas(List.of("eu-west-1")).autoScaling(
                Optional.of(GlobalTablesPlanningTest.writeScaledByOthers())));

        TablePlan plan = plan(orders(o -> o.replicas("ap-southeast-2", "us-west-2")), live);

        assertThat(plan.actions()).containsExactly(new Action.AddReplica("ap-southeast-2"),
                new Action.AddReplica("us-west-2"), new Action.RemoveReplica("eu-west-1"));
    }

    @Test
    void appliesSimpleSettingsEachInItsOwnCall() {
        TablePlan plan = plan(orders(o -> o.deletionProtection(true).tableClass(
                io.ddbgitops.manifest.TableClass.STANDARD_INFREQUENT_ACCESS).contributorInsights(true)), liveOrders());

        assertThat(plan.actions()).containsExactly(new Action.SetDeletionProtection(true),
                new Action.SetTableClass(io.ddbgitops.manifest.TableClass.STANDARD_INFREQUENT_ACCESS),
                new Action.SetContributorInsights(true));
    }

    @Test
    void createsATableWithEverythingThenTheSettingsCreateTableCannotCarry() {
        TableManifest m = orders(o -> o.ttl("expiresAt").replicas("eu-west-1").billing(BillingMode.PAY_PER_REQUEST)
                .contributorInsights(true)
                .tags(Map.of("team", "store")));

        TablePlan plan = planner.plan(m, Optional.empty(), Map.of(), NOW);

        assertThat(plan.actions()).extracting(Action::describe).containsExactly(
                "create table us-east-1/Orders", "enable TTL on expiresAt", "add replica in eu-west-1",
                "enable point-in-time recovery", "enable contributor insights");
        assertThat(((Action.CreateTable) plan.actions().get(0)).tags())
                .containsEntry("team", "store").containsEntry(Ownership.TAG_KEY, "shop/orders");
    }
}
