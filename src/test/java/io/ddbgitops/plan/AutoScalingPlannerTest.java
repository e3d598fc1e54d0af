package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.AutoScalingSpec;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.autoscaling.ObservedScaling;
import io.ddbgitops.plan.autoscaling.ScaledDimension;
import io.ddbgitops.plan.autoscaling.ScalingStep;
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
 * Auto scaling, table-driven: a scaled dimension's capacity is the scaler's (never written, shown as information),
 * its min, max, target and cooldowns are put right through Application Auto Scaling, and only our targets go.
 * Orders is provisioned at 20 read / 30 write; live capacities below are what a scaler moved them to.
 */
class AutoScalingPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final ScaledDimension READ = ScaledDimension.table(ScaledDimension.Capacity.READ);
    private static final ScaledDimension WRITE = ScaledDimension.table(ScaledDimension.Capacity.WRITE);
    private static final ScaledDimension INDEX_READ = ScaledDimension.index("byStatus", ScaledDimension.Capacity.READ);
    private static final KeyAttribute STATUS = new KeyAttribute("status", AttributeType.S);
    private static final AutoScalingSpec.Dimension FIVE_TO_100 = scale(5, 100, 70);

    private final TablePlanner planner = new TablePlanner();

    private static AutoScalingSpec.Dimension scale(long min, long max, double target) {
        return new AutoScalingSpec.Dimension(min, max, target, Optional.empty(), Optional.empty());
    }

    private static AutoScalingSpec readOnly(AutoScalingSpec.Dimension read) {
        return new AutoScalingSpec(Optional.of(read), Optional.empty());
    }

    private static TableManifest scaled(AutoScalingSpec spec) {
        return orders(o -> o.autoScaling(spec));
    }

    private static ObservedScaling.Target target(ScaledDimension d, long min, long max, ObservedScaling.TrackingPolicy... p) {
        return new ObservedScaling.Target(d, min, max, List.of(p));
    }

    private static ObservedScaling.TrackingPolicy policy(String name, double target) {
        return new ObservedScaling.TrackingPolicy(name, target, Optional.empty(), Optional.empty());
    }

    private static ObservedScaling.TrackingPolicy ours(ScaledDimension d, double target) {
        return policy(d.policyName(), target);
    }

    /** Live Orders whose read capacity the scaler moved to 37, with these targets registered. */
    private static ObservedTable scaledLive(ObservedScaling.Target... targets) {
        return liveOrders(t -> t.capacity(37, 30).autoScaling(Optional.of(new ObservedScaling(List.of(targets)))));
    }

    private static Map<String, String> registeredByUs(ScaledDimension d) {
        return Map.of(d.field() + ".registered_by", "ddb-gitops", d.field() + ".min", "5");
    }

    private static Action step(ScalingStep step) {
        return new Action.AutoScaling(step);
    }

    private TablePlan plan(TableManifest m, ObservedTable live, Map<String, String> previous) {
        return planner.plan(m, Optional.of(live), previous, NOW);
    }

    static Stream<Arguments> scenarios() {
        ObservedScaling.Target inSync = target(READ, 5, 100, ours(READ, 70));
        return Stream.of(
                Arguments.of("capacity moved by the scaler: nothing to do", scaled(readOnly(FIVE_TO_100)),
                        scaledLive(inSync), registeredByUs(READ), List.of(), List.of()),
                Arguments.of("max raised: the target is registered again", scaled(readOnly(scale(5, 200, 70))),
                        scaledLive(inSync), registeredByUs(READ),
                        List.of(step(new ScalingStep.RegisterTarget(READ, 5, 200))), List.of("autoscaling.read.max")),
                Arguments.of("min and target changed: one registration, one policy", scaled(readOnly(scale(10, 100, 50))),
                        scaledLive(inSync), registeredByUs(READ),
                        List.of(step(new ScalingStep.RegisterTarget(READ, 10, 100)),
                                step(new ScalingStep.PutPolicy(READ, "ddb-gitops-read", 50, Optional.empty(),
                                        Optional.empty()))),
                        List.of("autoscaling.read.min", "autoscaling.read.target_utilization")),
                Arguments.of("cooldowns given: compared and put",
                        scaled(readOnly(new AutoScalingSpec.Dimension(5, 100, 70, Optional.of(300), Optional.of(60)))),
                        scaledLive(inSync), registeredByUs(READ),
                        List.of(step(new ScalingStep.PutPolicy(READ, "ddb-gitops-read", 70, Optional.of(300),
                                Optional.of(60)))),
                        List.of("autoscaling.read.scale_in_cooldown", "autoscaling.read.scale_out_cooldown")),
                Arguments.of("someone else's target the manifest scales: their policy is updated in place",
                        scaled(readOnly(FIVE_TO_100)),
                        scaledLive(target(READ, 5, 100, policy("theirs", 60))), Map.of(),
                        List.of(step(new ScalingStep.PutPolicy(READ, "theirs", 70, Optional.empty(), Optional.empty()))),
                        List.of("autoscaling.read.target_utilization")),
                Arguments.of("newly scaled: registered then its policy put; the capacity is left as it is",
                        scaled(readOnly(FIVE_TO_100)), scaledLive(), Map.of(),
                        List.of(step(new ScalingStep.RegisterTarget(READ, 5, 100)),
                                step(new ScalingStep.PutPolicy(READ, "ddb-gitops-read", 70, Optional.empty(),
                                        Optional.empty()))),
                        List.of("autoscaling.read.min", "autoscaling.read.max", "autoscaling.read.target_utilization")),
                Arguments.of("scaled by someone else, not in the manifest: left alone, capacity not written",
                        orders(), scaledLive(target(READ, 1, 400, policy("theirs", 50))), Map.of(), List.of(), List.of()),
                Arguments.of("autoscaling removed: ours deregistered, policy first, then the manifest's capacity",
                        orders(), scaledLive(inSync), registeredByUs(READ),
                        List.of(step(new ScalingStep.DeletePolicy(READ, "ddb-gitops-read")),
                                step(new ScalingStep.DeregisterTarget(READ)),
                                new Action.UpdateThroughput(BillingMode.PROVISIONED, 20, 30)),
                        List.of("autoscaling.read.min", "autoscaling.read.max", Fields.READ_CAPACITY)),
                Arguments.of("autoscaling removed with no previous report: our policy name says it is ours",
                        orders(), scaledLive(inSync), Map.of(),
                        List.of(step(new ScalingStep.DeletePolicy(READ, "ddb-gitops-read")),
                                step(new ScalingStep.DeregisterTarget(READ)),
                                new Action.UpdateThroughput(BillingMode.PROVISIONED, 20, 30)),
                        List.of("autoscaling.read.min", "autoscaling.read.max", Fields.READ_CAPACITY)),
                Arguments.of("autoscaling removed but the target is someone else's: left alone",
                        orders(), scaledLive(target(READ, 5, 100, policy("theirs", 70))),
                        Map.of("autoscaling.read.min", "5"), List.of(), List.of()),
                Arguments.of("read scaled, write changed: UpdateTable carries the scaler's read as it is",
                        Tables.withOptions(orders(20, 40, Optional.of(true)),
                                new Options(orders().options()).autoScaling(readOnly(FIVE_TO_100)).build()),
                        scaledLive(inSync), registeredByUs(READ),
                        List.of(new Action.UpdateThroughput(BillingMode.PROVISIONED, 37, 40)),
                        List.of(Fields.WRITE_CAPACITY)),
                Arguments.of("switching an on-demand table to scaled provisioned: capacity with the switch, then scaling",
                        scaled(readOnly(FIVE_TO_100)),
                        liveOrders(t -> t.billingMode(BillingMode.PAY_PER_REQUEST).capacity(0, 0)), Map.of(),
                        List.of(new Action.UpdateThroughput(BillingMode.PROVISIONED, 20, 30),
                                step(new ScalingStep.RegisterTarget(READ, 5, 100)),
                                step(new ScalingStep.PutPolicy(READ, "ddb-gitops-read", 70, Optional.empty(),
                                        Optional.empty()))),
                        List.of(Fields.BILLING_MODE, Fields.READ_CAPACITY, Fields.WRITE_CAPACITY,
                                "autoscaling.read.min", "autoscaling.read.max", "autoscaling.read.target_utilization")),
                Arguments.of("switching a scaled table to on-demand: our scaling goes first",
                        orders(o -> o.billing(BillingMode.PAY_PER_REQUEST)), scaledLive(inSync), registeredByUs(READ),
                        List.of(step(new ScalingStep.DeletePolicy(READ, "ddb-gitops-read")),
                                step(new ScalingStep.DeregisterTarget(READ)),
                                new Action.UpdateThroughput(BillingMode.PAY_PER_REQUEST, 20, 30)),
                        List.of(Fields.BILLING_MODE, "autoscaling.read.min", "autoscaling.read.max")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void plansAutoScaling(String scenario, TableManifest manifest, ObservedTable live, Map<String, String> previous,
                          List<Action> actions, List<String> fields) {
        TablePlan plan = plan(manifest, live, previous);

        assertThat(plan.actions()).containsExactlyElementsOf(actions);
        assertThat(plan.changes()).extracting(Change::field).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(plan.status()).isEqualTo(fields.isEmpty() ? TableStatus.IN_SYNC : TableStatus.CHANGED);
    }

    @Test
    void showsTheScalersCapacityAsInformationNotDrift() {
        TablePlan plan = plan(scaled(readOnly(FIVE_TO_100)), scaledLive(target(READ, 5, 100, ours(READ, 70))),
                registeredByUs(READ));

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
        assertThat(plan.messages()).containsExactly("read capacity is 37, set by Application Auto Scaling "
                + "(min 5, max 100); ddb-gitops does not write it");
        assertThat(plan.desired()).doesNotContainKey(Fields.READ_CAPACITY).containsEntry(Fields.WRITE_CAPACITY, "30")
                .containsEntry("autoscaling.read.registered_by", "ddb-gitops")
                .containsEntry("autoscaling.read.max", "100").containsEntry("autoscaling.read.target_utilization", "70");
    }

    @Test
    void saysWhyItLeavesSomeoneElsesScalingAlone() {
        TablePlan plan = plan(orders(), scaledLive(target(READ, 1, 400, policy("theirs", 50))), Map.of());

        assertThat(plan.messages()).singleElement().asString().contains("read capacity is 37")
                .contains("registered outside ddb-gitops").contains("left alone");
        assertThat(plan.desired()).doesNotContainKeys(Fields.READ_CAPACITY, "autoscaling.read.registered_by");
    }

    @Test
    void doesNotClaimSomeoneElsesTargetItOnlyTunes() {
        TablePlan plan = plan(scaled(readOnly(FIVE_TO_100)), scaledLive(target(READ, 5, 100, policy("theirs", 60))),
                Map.of());

        assertThat(plan.desired()).containsEntry("autoscaling.read.max", "100")
                .doesNotContainKey("autoscaling.read.registered_by");
    }

    @Test
    void callsAScalingSettingMovedOutsideGitDrift() {
        Map<String, String> previous = Map.of("autoscaling.read.registered_by", "ddb-gitops",
                "autoscaling.read.min", "5", "autoscaling.read.max", "100");
        TablePlan plan = plan(scaled(readOnly(FIVE_TO_100)), scaledLive(target(READ, 5, 80, ours(READ, 70))), previous);

        assertThat(plan.status()).isEqualTo(TableStatus.DRIFTED);
        assertThat(plan.changes()).singleElement()
                .isEqualTo(new Change("autoscaling.read.max", "80", "100", "update", Change.Cause.DRIFT));
    }

    @Test
    void createsAScaledTableWithItsCapacityThenRegistersEachDimension() {
        AutoScalingSpec both = new AutoScalingSpec(Optional.of(FIVE_TO_100), Optional.of(scale(2, 9, 45.5)));
        TablePlan plan = planner.plan(scaled(both), Optional.empty(), Map.of(), NOW);

        assertThat(plan.actions()).extracting(Action::describe).containsExactly(
                "create table us-east-1/Orders",
                "auto scale read capacity between 5 and 100",
                "set scaling policy ddb-gitops-read of read capacity to 70% utilisation",
                "auto scale write capacity between 2 and 9",
                "set scaling policy ddb-gitops-write of write capacity to 45.5% utilisation",
                "enable point-in-time recovery");
        assertThat(plan.desired()).containsEntry("autoscaling.write.registered_by", "ddb-gitops")
                .containsEntry("autoscaling.write.target_utilization", "45.5");
        assertThat(plan.changes()).extracting(Change::field).contains("autoscaling.write.max");
    }

    @Test
    void neverWritesAScaledIndexCapacityEvenWhenItsOtherCapacityChanges() {
        GlobalSecondaryIndex byStatus = new GlobalSecondaryIndex("byStatus", STATUS, Optional.empty(), Projection.all(),
                Optional.of(5L), Optional.of(8L), Optional.of(readOnly(FIVE_TO_100)));
        ObservedTable live = liveOrders(t -> t.globalIndexes(List.of(new ObservedIndex("byStatus", STATUS,
                Optional.empty(), Projection.all(), 61, 5, ThroughputHistory.none(), "ACTIVE")))
                .autoScaling(Optional.of(new ObservedScaling(List.of(
                        target(INDEX_READ, 5, 100, ours(INDEX_READ, 70)))))));

        TablePlan plan = plan(orders(o -> o.gsis(byStatus)), live, registeredByUs(INDEX_READ));

        assertThat(plan.actions()).containsExactly(
                new Action.UpdateIndexThroughput(new Action.IndexThroughput("byStatus", 61, 8)));
        assertThat(plan.changes()).extracting(Change::field).containsExactly("gsi.byStatus.write_capacity");
        assertThat(plan.messages()).contains("read capacity of index byStatus is 61, set by Application Auto Scaling "
                + "(min 5, max 100); ddb-gitops does not write it");
    }

    @Test
    void registersAnIndexsScalingAfterCreatingTheIndex() {
        GlobalSecondaryIndex byStatus = new GlobalSecondaryIndex("byStatus", STATUS, Optional.empty(), Projection.all(),
                Optional.of(5L), Optional.of(8L), Optional.of(readOnly(FIVE_TO_100)));

        TablePlan plan = plan(orders(o -> o.gsis(byStatus)), liveOrders(), Map.of());

        assertThat(plan.actions()).extracting(Action::describe).containsExactly("create index byStatus",
                "auto scale read capacity of index byStatus between 5 and 100",
                "set scaling policy ddb-gitops-read of read capacity of index byStatus to 70% utilisation");
    }

    @Test
    void leavesScalingAndScaledCapacityAloneWhenAutoScalingCannotBeRead() {
        ObservedTable live = liveOrders(t -> t.capacity(37, 30).autoScaling(Optional.empty()));
        Map<String, String> previous = registeredByUs(READ);

        TablePlan plan = plan(scaled(readOnly(FIVE_TO_100)), live, previous);

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.messages()).singleElement().asString().contains("could not be read");
        assertThat(plan.desired()).containsAllEntriesOf(previous);
    }
}
