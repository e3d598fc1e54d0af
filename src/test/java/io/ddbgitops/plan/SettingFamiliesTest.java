package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.ContributorInsightsSpec;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.WarmThroughputSpec;
import io.ddbgitops.plan.settings.ObservedSettings;
import io.ddbgitops.plan.settings.SettingStep;
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

/**
 * The setting families through the planner, table-driven: warm throughput (increase only), index on-demand caps
 * (removal is -1, only of caps we set), contributor insights with its mode (table and index), and KMS keys compared
 * by ARN. Orders is provisioned 20/30; on-demand cases switch both the manifest and the live table.
 */
class SettingFamiliesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final KeyAttribute STATUS = new KeyAttribute("status", AttributeType.S);
    private static final String KEY_A = "arn:aws:kms:us-east-1:000000000000:key/aaaaaaaa-1111-2222-3333-444444444444";
    private static final String KEY_B = "arn:aws:kms:us-east-1:000000000000:key/bbbbbbbb-1111-2222-3333-444444444444";

    private final TablePlanner planner = new TablePlanner();

    private static ObservedSettings settings(Map<String, ObservedSettings.Warm> warm,
                                             Map<String, ObservedSettings.Caps> caps,
                                             Map<String, ObservedSettings.Insights> insights) {
        return new ObservedSettings(warm, caps, Optional.of(insights), Optional.empty());
    }

    private static ObservedSettings.Warm warm(long read, long write) {
        return new ObservedSettings.Warm(read, write, "ACTIVE");
    }

    private static GlobalSecondaryIndex byStatus(Optional<WarmThroughputSpec> warm, Optional<Long> maxRead,
                                                 Optional<ContributorInsightsSpec> insights) {
        return new GlobalSecondaryIndex("byStatus", STATUS, Optional.empty(), Projection.all(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), warm, maxRead, Optional.empty(), insights);
    }

    private static ObservedIndex liveByStatus() {
        return new ObservedIndex("byStatus", STATUS, Optional.empty(), Projection.all(), 0, 0,
                ThroughputHistory.none(), "ACTIVE");
    }

    private TablePlan plan(TableManifest manifest, ObservedTable live, Map<String, String> applied) {
        return planner.plan(manifest, Optional.of(live), applied, NOW);
    }

    static Stream<Arguments> warmThroughput() {
        return Stream.of(
                Arguments.of("raises what is lower", 15_000L, 5_000L, warm(12_000, 4_000), "update", true),
                Arguments.of("leaves what matches", 12_000L, 4_000L, warm(12_000, 4_000), null, false),
                Arguments.of("blocks a decrease", 10_000L, 4_000L, warm(12_000, 4_000), "blocked", false),
                Arguments.of("raises one and blocks the other", 10_000L, 6_000L, warm(12_000, 4_000), "blocked", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void warmThroughput(String name, long read, long write, ObservedSettings.Warm live, String action, boolean call) {
        TablePlan plan = plan(orders(o -> o.warmThroughput(read, write)),
                liveOrders(b -> b.settings(settings(Map.of("", live), Map.of(), Map.of("", new ObservedSettings
                        .Insights(false, Optional.empty()))))), Map.of());

        if (action == null) {
            assertThat(plan.changes()).isEmpty();
        } else {
            assertThat(plan.changes()).extracting(Change::action).contains(action);
        }
        assertThat(plan.actions().stream().anyMatch(a -> a instanceof Action.TableSetting s
                && s.step() instanceof SettingStep.SetWarmThroughput)).isEqualTo(call);
        assertThat(plan.status()).isEqualTo(action == null ? TableStatus.IN_SYNC
                : action.equals("blocked") ? TableStatus.BLOCKED : TableStatus.CHANGED);
    }

    @Test
    void aWarmThroughputDecreaseIsBlockedWithTheReasonAndNotesThatRaisingIsBilled() {
        TablePlan blocked = plan(orders(o -> o.warmThroughput(10_000, 4_000)),
                liveOrders(b -> b.settings(settings(Map.of("", warm(12_000, 4_000)), Map.of(), Map.of()))), Map.of());
        TablePlan raised = plan(orders(o -> o.warmThroughput(20_000, 4_000)),
                liveOrders(b -> b.settings(settings(Map.of("", warm(12_000, 4_000)), Map.of(), Map.of()))), Map.of());

        assertThat(blocked.messages()).anyMatch(m -> m.contains("can only be increased") && m.contains("12000")
                && m.contains("warm-throughput.html"));
        assertThat(blocked.actions()).isEmpty();
        assertThat(raised.messages()).anyMatch(m -> m.contains("billed"));
        assertThat(raised.actions()).containsExactly(new Action.TableSetting(new SettingStep.SetWarmThroughput(
                Optional.empty(), Optional.of(20_000L), Optional.empty())));
    }

    @Test
    void anIndexWarmThroughputIsRaisedByItsOwnCallAndANewIndexGetsItWithItsCreation() {
        GlobalSecondaryIndex index = byStatus(Optional.of(new WarmThroughputSpec(Optional.of(13_000L),
                Optional.empty())), Optional.empty(), Optional.empty());
        ObservedTable live = liveOrders(b -> b.billingMode(BillingMode.PAY_PER_REQUEST).capacity(0, 0)
                .globalIndexes(List.of(liveByStatus())).settings(settings(Map.of("", warm(12_000, 4_000), "byStatus",
                        warm(12_000, 4_000)), Map.of(), Map.of())));
        TableManifest manifest = orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).gsis(index));

        TablePlan existing = plan(manifest, live, Map.of());
        TablePlan coming = plan(manifest, live.toBuilder().globalIndexes(List.of()).build(), Map.of());

        assertThat(existing.actions()).containsExactly(new Action.TableSetting(new SettingStep.SetWarmThroughput(
                Optional.of("byStatus"), Optional.of(13_000L), Optional.empty())));
        assertThat(coming.actions()).singleElement().isInstanceOf(Action.CreateIndex.class);
        assertThat(coming.changes()).extracting(Change::field, Change::action)
                .contains(org.assertj.core.groups.Tuple.tuple("warm_throughput.gsi.byStatus.read_units_per_second",
                        "create"));
    }

    static Stream<Arguments> indexCaps() {
        return Stream.of(
                Arguments.of("sets a cap", Optional.of(100L), Optional.empty(), Map.of(), Optional.of(100L), "create"),
                Arguments.of("changes a cap", Optional.of(100L), Optional.of(50L), Map.of(), Optional.of(100L), "update"),
                Arguments.of("leaves a matching cap", Optional.of(100L), Optional.of(100L), Map.of(), null, null),
                Arguments.of("removes a cap it set when the line goes", Optional.empty(), Optional.of(100L),
                        Map.of("on_demand.gsi.byStatus.max_read_request_units", "100"), Optional.of(-1L), "delete"),
                Arguments.of("leaves a cap someone else set", Optional.empty(), Optional.of(100L), Map.of(), null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void indexCaps(String name, Optional<Long> want, Optional<Long> have, Map<String, String> applied,
                   Optional<Long> sent, String action) {
        TableManifest manifest = orders(o -> o.billing(BillingMode.PAY_PER_REQUEST)
                .gsis(byStatus(Optional.empty(), want, Optional.empty())));
        ObservedTable live = liveOrders(b -> b.billingMode(BillingMode.PAY_PER_REQUEST).capacity(0, 0)
                .globalIndexes(List.of(liveByStatus())).settings(settings(Map.of(), Map.of("byStatus",
                        new ObservedSettings.Caps(have, Optional.empty())), Map.of())));

        TablePlan plan = plan(manifest, live, applied);

        if (sent == null) {
            assertThat(plan.actions()).isEmpty();
            assertThat(plan.changes()).isEmpty();
        } else {
            assertThat(plan.actions()).containsExactly(new Action.TableSetting(new SettingStep.SetIndexCaps(
                    Optional.of("byStatus"), sent, Optional.empty())));
            assertThat(plan.changes()).singleElement().extracting(Change::action).isEqualTo(action);
        }
    }

    static Stream<Arguments> contributorInsights() {
        ContributorInsightsSpec.Mode throttled = ContributorInsightsSpec.Mode.THROTTLED_KEYS;
        ContributorInsightsSpec.Mode accessed = ContributorInsightsSpec.Mode.ACCESSED_AND_THROTTLED_KEYS;
        return Stream.of(
                Arguments.of("enables with a mode", Optional.of(throttled), false, Optional.empty(), Map.of(),
                        Optional.of(new SettingStep.SetContributorInsights(Optional.empty(), true, Optional.of(throttled)))),
                Arguments.of("changes the mode", Optional.of(throttled), true, Optional.of(accessed), Map.of(),
                        Optional.of(new SettingStep.SetContributorInsights(Optional.empty(), true, Optional.of(throttled)))),
                Arguments.of("leaves a matching mode", Optional.of(throttled), true, Optional.of(throttled), Map.of(),
                        Optional.empty()),
                Arguments.of("disables what it enabled when the line goes", Optional.empty(), true, Optional.empty(),
                        Map.of("contributor_insights", "enabled"),
                        Optional.of(new SettingStep.SetContributorInsights(Optional.empty(), false, Optional.empty()))),
                Arguments.of("leaves insights someone else enabled", Optional.empty(), true, Optional.empty(), Map.of(),
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void contributorInsights(String name, Optional<ContributorInsightsSpec.Mode> want, boolean enabled,
                             Optional<ContributorInsightsSpec.Mode> mode, Map<String, String> applied,
                             Optional<SettingStep> step) {
        TableManifest manifest = orders(o -> want.map(o::contributorInsights).orElseGet(o::noContributorInsights));
        ObservedTable live = liveOrders(b -> b.settings(settings(Map.of(), Map.of(),
                Map.of("", new ObservedSettings.Insights(enabled, mode)))));

        TablePlan plan = plan(manifest, live, applied);

        assertThat(plan.actions()).isEqualTo(step.map(s -> List.<Action>of(new Action.TableSetting(s)))
                .orElse(List.of()));
    }

    @Test
    void anIndexGetsItsOwnContributorInsightsCallAfterTheIndexExists() {
        GlobalSecondaryIndex index = byStatus(Optional.empty(), Optional.empty(), Optional.of(
                new ContributorInsightsSpec(true, Optional.of(ContributorInsightsSpec.Mode.THROTTLED_KEYS))));
        ObservedTable live = liveOrders(b -> b.capacity(20, 30));

        TablePlan plan = plan(orders(o -> o.gsis(index)), live, Map.of());

        assertThat(plan.actions()).extracting(Action::describe).containsExactly("create index byStatus",
                "enable contributor insights of index byStatus (THROTTLED_KEYS)");
        assertThat(TablePlanner.needsActiveTable(plan.actions().get(1))).isTrue();
    }

    static Stream<Arguments> kmsKeys() {
        Optional<Map<String, String>> aliases = Optional.of(Map.of("alias/orders", KEY_A, "alias/aws/dynamodb", KEY_B));
        return Stream.of(
                Arguments.of("an alias naming the live key", "alias/orders", KEY_A, aliases, false, false),
                Arguments.of("an alias naming another key", "alias/orders", KEY_B, aliases, true, false),
                Arguments.of("a key ARN naming another key", KEY_A, KEY_B, Optional.empty(), true, false),
                Arguments.of("a key id in the table's account", "aaaaaaaa-1111-2222-3333-444444444444", KEY_A,
                        Optional.empty(), false, false),
                Arguments.of("an alias KMS does not know", "alias/missing", KEY_A, aliases, false, true),
                Arguments.of("an alias when KMS cannot be read", "alias/orders", KEY_B, Optional.empty(), false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void kmsKeys(String name, String manifestKey, String liveKey, Optional<Map<String, String>> aliases,
                 boolean change, boolean cannotCompare) {
        TableManifest manifest = orders(o -> o.sse(new SseSpec(SseSpec.Type.KMS, Optional.of(manifestKey))));
        ObservedTable live = liveOrders(b -> b.sse(new SseSpec(SseSpec.Type.KMS, Optional.of(liveKey)))
                .settings(new ObservedSettings(Map.of(), Map.of(), Optional.of(Map.of()), aliases)));

        TablePlan plan = plan(manifest, live, Map.of());

        assertThat(plan.actions().stream().anyMatch(a -> a instanceof Action.SetEncryption)).isEqualTo(change);
        assertThat(plan.messages().stream().anyMatch(m -> m.startsWith("cannot compare the KMS key"))).isEqualTo(cannotCompare);
    }
}
