package io.ddbgitops.plan;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.AutoScalingSpec;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.replicas.ReplicaSettingsFamily;
import io.ddbgitops.plan.settings.SettingStep;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ddbgitops.plan.Tables.liveOrders;
import static io.ddbgitops.plan.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** Each replica's own settings: created with the replica, compared with DescribeTable's Replicas, one Update a call. */
class ReplicaSettingsPlanningTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String EU = "eu-west-1";
    private static final String AP = "ap-southeast-2";
    private static final String KEY = "arn:aws:kms:eu-west-1:000000000000:key/1111";
    private final TablePlanner planner = new TablePlanner();

    private static ReplicaSpec replica(String region, Optional<Long> read, Optional<Long> maxRead,
                                       Optional<TableClass> tableClass, Optional<String> key,
                                       ReplicaSpec.IndexOverride... indexes) {
        return new ReplicaSpec(region, read, maxRead, tableClass, key, List.of(indexes));
    }

    private static ReplicaSpec read(String region, long units) {
        return replica(region, Optional.of(units), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static ReplicaSpec cap(String region, long units) {
        return replica(region, Optional.empty(), Optional.of(units), Optional.empty(), Optional.empty());
    }

    /** An on-demand table in us-east-1 with these replicas (no auto scaling prerequisite). */
    private static TableManifest onDemand(ReplicaSpec... replicas) {
        return orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas(replicas));
    }

    private static ObservedTable live(Map<String, ReplicaSpec> settings) {
        return liveOrders(t -> t.billingMode(BillingMode.PAY_PER_REQUEST)
                .replicas(settings.keySet().stream().sorted().toList()).replicaSettings(settings));
    }

    private TablePlan plan(TableManifest manifest, ObservedTable live, Map<String, String> applied) {
        return planner.plan(manifest, Optional.of(live), applied, NOW);
    }

    private static List<SettingStep.UpdateReplica> updates(TablePlan plan) {
        return plan.actions().stream().filter(a -> a instanceof Action.TableSetting s
                        && s.step() instanceof SettingStep.UpdateReplica)
                .map(a -> (SettingStep.UpdateReplica) ((Action.TableSetting) a).step()).toList();
    }

    private static Change change(TablePlan plan, String field) {
        return plan.changes().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void aNewTablesReplicaIsCreatedCarryingItsOwnSettingsAndNothingElseIsSent() {
        ReplicaSpec withCap = cap(AP, 100);
        TablePlan plan = planner.plan(onDemand(ReplicaSpec.of(EU), withCap), Optional.empty(), Map.of(), NOW);

        assertThat(plan.actions()).contains(new Action.AddReplica(withCap), new Action.AddReplica(EU));
        assertThat(updates(plan)).isEmpty();
        assertThat(change(plan, "replica.ap-southeast-2.max_read_request_units").action()).isEqualTo("create");
        assertThat(plan.desired()).containsEntry("replica.ap-southeast-2.max_read_request_units", "100");
        assertThat(plan.messages()).noneMatch(m -> m.contains("not managed yet"));
    }

    @Test
    void aReplicaAddedToAnExistingTableGetsItsSettingsInItsCreate() {
        ReplicaSpec withCap = cap(AP, 100);
        TablePlan plan = plan(onDemand(ReplicaSpec.of(EU), withCap), live(Map.of(EU, ReplicaSpec.of(EU))), Map.of());

        assertThat(plan.actions()).containsExactly(new Action.AddReplica(withCap));
        assertThat(plan.actions().get(0).describe()).isEqualTo("add replica in ap-southeast-2 (max_read_request_units 100)");
    }

    @Test
    void replicasWhoseSettingsMatchArePlannedInSync() {
        ReplicaSpec withCap = cap(AP, 100);
        TablePlan plan = plan(onDemand(withCap), live(Map.of(AP, withCap)),
                Map.of("replica.ap-southeast-2.max_read_request_units", "100"));

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
        assertThat(plan.actions()).isEmpty();
    }

    @Test
    void eachReplicaWhoseSettingsDifferGetsOneUpdateInItsOwnCallCarryingOnlyWhatDiffers() {
        ReplicaSpec euWanted = replica(EU, Optional.empty(), Optional.of(200L),
                Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS), Optional.empty());
        ReplicaSpec euLive = replica(EU, Optional.empty(), Optional.of(100L),
                Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS), Optional.empty());
        TablePlan plan = plan(onDemand(euWanted, cap(AP, 50)), live(Map.of(EU, euLive, AP, ReplicaSpec.of(AP))),
                Map.of());

        assertThat(updates(plan)).extracting(SettingStep.UpdateReplica::changes)
                .containsExactlyInAnyOrder(cap(EU, 200), cap(AP, 50));
        assertThat(change(plan, "replica.eu-west-1.max_read_request_units").from()).isEqualTo("100");
        assertThat(change(plan, "replica.ap-southeast-2.max_read_request_units").action()).isEqualTo("create");
        assertThat(plan.status()).isEqualTo(TableStatus.CHANGED);
    }

    @Test
    void aSettingChangedOutsideGitIsDriftAndPutBack() {
        TablePlan plan = plan(onDemand(cap(EU, 100)), live(Map.of(EU, cap(EU, 300))),
                Map.of("replica.eu-west-1.max_read_request_units", "100"));

        assertThat(plan.status()).isEqualTo(TableStatus.DRIFTED);
        assertThat(change(plan, "replica.eu-west-1.max_read_request_units").cause()).isEqualTo(Change.Cause.DRIFT);
        assertThat(updates(plan)).extracting(SettingStep.UpdateReplica::changes).containsExactly(cap(EU, 100));
    }

    @Test
    void aReadOverrideWhoseLineWasDeletedIsBlockedBecauseAwsCannotRemoveIt() {
        TablePlan plan = planner.plan(orders(o -> o.replicas(EU)),
                Optional.of(liveOrders(t -> t.replicas(List.of(EU)).replicaSettings(Map.of(EU, read(EU, 7))))),
                Map.of("replica.eu-west-1.read_capacity_override", "7"), NOW);

        Change blocked = change(plan, "replica.eu-west-1.read_capacity_override");
        assertThat(blocked.action()).isEqualTo(Change.BLOCKED);
        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(updates(plan)).isEmpty();
        assertThat(plan.messages()).anySatisfy(m -> assertThat(m)
                .contains("read_capacity_override of replica eu-west-1 cannot be removed")
                .contains("API_UpdateReplicationGroupMemberAction.html"));
        // kept, so the next run still sees it
        assertThat(plan.desired()).containsEntry("replica.eu-west-1.read_capacity_override", "7");
    }

    @Test
    void anOverrideSomeoneElseSetIsLeftAlone() {
        TablePlan plan = planner.plan(orders(o -> o.replicas(EU)),
                Optional.of(liveOrders(t -> t.replicas(List.of(EU)).replicaSettings(Map.of(EU, read(EU, 7))))),
                Map.of(), NOW);

        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void aDeletedTableClassLineSetsTheReplicaBackToTheTablesClass() {
        ReplicaSpec ia = replica(EU, Optional.empty(), Optional.empty(),
                Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS), Optional.empty());
        TablePlan plan = plan(onDemand(ReplicaSpec.of(EU)), live(Map.of(EU, ia)),
                Map.of("replica.eu-west-1.table_class", "STANDARD_INFREQUENT_ACCESS"));

        assertThat(updates(plan)).extracting(SettingStep.UpdateReplica::changes).containsExactly(replica(EU,
                Optional.empty(), Optional.empty(), Optional.of(TableClass.STANDARD), Optional.empty()));
        assertThat(plan.desired()).doesNotContainKey("replica.eu-west-1.table_class");
    }

    @Test
    void kmsKeysAreComparedAsArnsAndAnAliasIsSaidToBeUncomparable() {
        SseSpec kms = new SseSpec(SseSpec.Type.KMS, Optional.empty());
        ReplicaSpec byId = replica(EU, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("1111"));
        ReplicaSpec byArn = replica(EU, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(KEY));
        ReplicaSpec byAlias = replica(EU, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("alias/orders"));
        ReplicaSpec other = replica(EU, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("arn:aws:kms:eu-west-1:000000000000:key/2222"));

        TablePlan same = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).sse(kms).replicas(byId)),
                live(Map.of(EU, byArn)), Map.of());
        TablePlan swapped = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).sse(kms).replicas(byArn)),
                live(Map.of(EU, other)), Map.of());
        TablePlan alias = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).sse(kms).replicas(byAlias)),
                live(Map.of(EU, other)), Map.of());

        assertThat(updates(same)).isEmpty();
        assertThat(updates(swapped)).extracting(SettingStep.UpdateReplica::changes).containsExactly(byArn);
        assertThat(updates(alias)).isEmpty();
        assertThat(alias.messages()).anyMatch(m -> m.contains("cannot compare the KMS key of replica eu-west-1"));
    }

    @Test
    void perIndexReadOverridesGoInTheReplicasUpdate() {
        AutoScalingSpec.Dimension range = new AutoScalingSpec.Dimension(5, 50, 70, Optional.empty(), Optional.empty());
        AutoScalingSpec writes = new AutoScalingSpec(Optional.empty(), Optional.of(range));
        GlobalSecondaryIndex byDay = new GlobalSecondaryIndex("byDay", new KeyAttribute("day", AttributeType.S),
                Optional.empty(), Projection.all(), Optional.of(5L), Optional.of(5L), Optional.of(writes));
        ReplicaSpec.IndexOverride seven = new ReplicaSpec.IndexOverride("byDay", Optional.of(7L), Optional.empty());
        ReplicaSpec wanted = replica(EU, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), seven);
        TableManifest manifest = orders(o -> o.gsis(byDay).autoScaling(writes).replicas(wanted));
        ObservedTable live = liveOrders(t -> t.globalIndexes(List.of(new ObservedIndex("byDay",
                        new KeyAttribute("day", AttributeType.S), Optional.empty(), Projection.all(), 5, 5,
                        ThroughputHistory.none(), "ACTIVE")))
                .replicas(List.of(EU)).replicaSettings(Map.of(EU, ReplicaSpec.of(EU)))
                .autoScaling(Optional.of(GlobalTablesPlanningTest.writeScaledByOthers())));

        TablePlan plan = planner.plan(manifest, Optional.of(live), Map.of(), NOW);

        assertThat(updates(plan)).extracting(SettingStep.UpdateReplica::changes).containsExactly(wanted);
        assertThat(change(plan, ReplicaSettingsFamily.field(EU) + ".gsi.byDay.read_capacity_override").action())
                .isEqualTo("create");
    }

    @Test
    void aBlockedReplicaAddCarriesNoSettingChanges() {
        TablePlan plan = planner.plan(orders(o -> o.replicas(read(EU, 7))), Optional.of(liveOrders()), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.changes()).noneMatch(c -> c.field().startsWith("replica."));
    }
}
