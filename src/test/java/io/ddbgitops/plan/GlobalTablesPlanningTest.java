package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.AutoScalingSpec;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.StreamViewType;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.autoscaling.ObservedScaling;
import io.ddbgitops.plan.autoscaling.ScaledDimension;
import io.ddbgitops.plan.replicas.ReplicaRules;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.Disruptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ddbgitops.plan.Tables.liveOrders;
import static io.ddbgitops.plan.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of global tables (2019.11.21) that AWS enforces, planned as blocked with AWS's reason. */
class GlobalTablesPlanningTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final AutoScalingSpec.Dimension RANGE =
            new AutoScalingSpec.Dimension(5, 50, 70, Optional.empty(), Optional.empty());
    private static final AutoScalingSpec WRITE_SCALED = new AutoScalingSpec(Optional.empty(), Optional.of(RANGE));
    private final TablePlanner planner = new TablePlanner();

    /** A write target someone else registered, with their own policy: auto scaled, as far as AWS is concerned. */
    static ObservedScaling writeScaledByOthers() {
        return new ObservedScaling(List.of(new ObservedScaling.Target(
                ScaledDimension.table(ScaledDimension.Capacity.WRITE), 5, 50,
                List.of(new ObservedScaling.TrackingPolicy("ops-write", 70, Optional.empty(), Optional.empty())))));
    }

    private TablePlan plan(TableManifest m, ObservedTable live) {
        return planner.plan(m, Optional.of(live), Map.of(), NOW);
    }

    private static GlobalSecondaryIndex index(Optional<AutoScalingSpec> scaling) {
        return new GlobalSecondaryIndex("byDay", new KeyAttribute("day", AttributeType.S), Optional.empty(),
                Projection.all(), Optional.of(5L), Optional.of(5L), scaling);
    }

    private static Change change(TablePlan plan, String field) {
        return plan.changes().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void aReplicaOfAProvisionedTableWithoutWriteAutoScalingIsBlockedWithWhatToChange() {
        TablePlan plan = plan(orders(o -> o.replicas("eu-west-1")), liveOrders());

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(change(plan, Fields.REPLICAS).action()).isEqualTo(Change.BLOCKED);
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.AddReplica);
        assertThat(plan.messages().get(0)).contains(ReplicaRules.TABLE_WRITE_NOT_SCALED)
                .contains("add optional_spec.autoscaling.write or use billing_mode: PAY_PER_REQUEST")
                .contains("V2globaltables_reqs_bestpractices.html");
        assertThat(plan.desired()).doesNotContainKey(Fields.REPLICAS);
    }

    @Test
    void aNewProvisionedTableIsCreatedButItsReplicasAreBlocked() {
        TablePlan plan = planner.plan(orders(o -> o.replicas("eu-west-1")), Optional.empty(), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).extracting(Action::describe).contains("create table us-east-1/Orders")
                .noneMatch(d -> d.startsWith("add replica"));
        assertThat(change(plan, Fields.REPLICAS).action()).isEqualTo(Change.BLOCKED);
    }

    @Test
    void everyGlobalIndexsWriteCapacityMustBeScaledToo() {
        TablePlan plan = plan(orders(o -> o.replicas("eu-west-1").autoScaling(WRITE_SCALED)
                .gsis(index(Optional.empty()))), liveOrders());

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.messages().get(0)).contains(ReplicaRules.GSI_WRITE_NOT_SCALED)
                .contains("autoscaling.write of index byDay");
    }

    @Test
    void writeAutoScalingDeclaredOrAlreadyRegisteredOrOnDemandLetsTheReplicaBeAdded() {
        TablePlan declared = plan(orders(o -> o.replicas("eu-west-1").autoScaling(WRITE_SCALED)
                .gsis(index(Optional.of(WRITE_SCALED)))), liveOrders());
        TablePlan registered = plan(orders(o -> o.replicas("eu-west-1")),
                liveOrders(t -> t.autoScaling(Optional.of(writeScaledByOthers()))));
        TablePlan onDemand = plan(orders(o -> o.replicas("eu-west-1").billing(BillingMode.PAY_PER_REQUEST)),
                liveOrders());

        for (TablePlan plan : List.of(declared, registered, onDemand)) {
            assertThat(plan.status()).isNotEqualTo(TableStatus.BLOCKED);
            assertThat(plan.actions()).contains(new Action.AddReplica("eu-west-1"));
        }
        // the scaler is set up before the replica is added, in the same run
        assertThat(declared.actions().indexOf(new Action.AddReplica("eu-west-1")))
                .isGreaterThan(declared.actions().stream().filter(a -> a instanceof Action.AutoScaling)
                        .mapToInt(declared.actions()::indexOf).max().orElseThrow());
    }

    @Test
    void changingOrDisablingTheStreamOfAReplicatedTableIsBlockedWithAwssReason() {
        ObservedTable replicated = liveOrders(t -> t.replicas(List.of("eu-west-1"))
                .stream(Optional.of(StreamViewType.NEW_AND_OLD_IMAGES))
                .autoScaling(Optional.of(writeScaledByOthers())));

        for (StreamViewType target : new StreamViewType[] {StreamViewType.KEYS_ONLY, null}) {
            // a stream the manifest no longer names, which this tool turned on, is to be disabled
            TablePlan plan = planner.plan(orders(o -> o.replicas("eu-west-1").stream(target)), Optional.of(replicated),
                    Map.of(Fields.STREAM, "NEW_AND_OLD_IMAGES"), NOW);

            assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
            assertThat(change(plan, Fields.STREAM).action()).isEqualTo(Change.BLOCKED);
            assertThat(plan.actions()).noneMatch(a -> a instanceof Action.SetStream);
            assertThat(plan.messages().get(0)).contains(ReplicaRules.STREAM_OF_REPLICA).contains("remove the replicas");
        }
    }

    @Test
    void aViewTypeChangeOnASingleRegionTableWarnsThatConsumersLoseTheStreamArn() {
        TablePlan plan = plan(orders(o -> o.stream(StreamViewType.KEYS_ONLY)),
                liveOrders(t -> t.stream(Optional.of(StreamViewType.NEW_IMAGE))));

        assertThat(plan.status()).isEqualTo(TableStatus.CHANGED);
        assertThat(plan.actions()).containsExactly(new Action.SetStream(Optional.empty()),
                new Action.SetStream(Optional.of(StreamViewType.KEYS_ONLY)));
        assertThat(plan.messages()).anyMatch(m -> m.contains("new stream ARN"));
        Change c = change(plan, Fields.STREAM);
        assertThat(Disruptions.of(new ChangeEntry(c.field(), c.from(), c.to(), c.action(), c.cause().name())))
                .hasValueSatisfying(w -> assertThat(w).contains("consumers of the old one stop receiving records"));
    }
}
