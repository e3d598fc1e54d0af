package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.ImportSpec;
import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.replicas.ObservedConsistency;
import io.ddbgitops.plan.replicas.StrongConsistencyRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ddbgitops.plan.Tables.liveOrders;
import static io.ddbgitops.plan.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** Multi-Region strong consistency: created in AWS's one call, refused on a table with items, never changed after. */
class StrongConsistencyPlanningTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String MODE = StrongConsistencyRules.MODE;
    private static final String WITNESS = StrongConsistencyRules.WITNESS;
    private final TablePlanner planner = new TablePlanner();

    private static TableManifest strongWithWitness() {
        return orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas("us-east-2").strong(Optional.of("us-west-2")));
    }

    private static TableManifest strongWithTwoReplicas() {
        return orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas("us-west-2", "us-east-2")
                .strong(Optional.empty()));
    }

    private static ObservedTable onDemand(ObservedConsistency consistency, String... replicas) {
        return liveOrders(b -> b.billingMode(BillingMode.PAY_PER_REQUEST).capacity(0, 0)
                .replicas(List.of(replicas)).consistency(consistency));
    }

    private TablePlan plan(TableManifest m, ObservedTable live) {
        return planner.plan(m, Optional.of(live), Map.of(), NOW);
    }

    private static Change change(TablePlan plan, String field) {
        return plan.changes().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void aNewStrongTableGetsItsReplicasModeAndWitnessInOneCall() {
        TablePlan plan = planner.plan(strongWithWitness(), Optional.empty(), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.CREATED);
        assertThat(plan.actions()).contains(new Action.CreateStrongGlobalTable(List.of(ReplicaSpec.of("us-east-2")),
                Optional.of("us-west-2")));
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.AddReplica);
        assertThat(change(plan, MODE).to()).isEqualTo("STRONG");
        assertThat(change(plan, WITNESS).to()).isEqualTo("us-west-2");
        assertThat(plan.desired()).containsEntry(MODE, "STRONG").containsEntry(WITNESS, "us-west-2");
    }

    @Test
    void aStrongTablesReplicasAreCreatedWithTheirOwnSettingsInThatOneCall() {
        ReplicaSpec ohio = new ReplicaSpec("us-east-2", Optional.empty(), Optional.of(500L),
                Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS), Optional.empty(), List.of());
        TableManifest m = orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas(ohio)
                .strong(Optional.of("us-west-2")));

        TablePlan plan = planner.plan(m, Optional.empty(), Map.of(), NOW);

        assertThat(plan.actions()).contains(new Action.CreateStrongGlobalTable(List.of(ohio), Optional.of("us-west-2")));
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.AddReplica);
    }

    @Test
    void anEmptySingleRegionTableBecomesStrongInOneCallWithBothReplicas() {
        TablePlan plan = plan(strongWithTwoReplicas(), onDemand(ObservedConsistency.none()));

        assertThat(plan.status()).isEqualTo(TableStatus.CHANGED);
        assertThat(plan.actions()).containsExactly(new Action.CreateStrongGlobalTable(
                List.of(ReplicaSpec.of("us-east-2"), ReplicaSpec.of("us-west-2")), Optional.empty()));
        assertThat(change(plan, MODE).from()).isEqualTo("EVENTUAL");
        assertThat(change(plan, Fields.REPLICAS).action()).isEqualTo("update");
        assertThat(TablePlanner.isLongWork(plan.actions().get(0))).isTrue();
    }

    @Test
    void aTableThatReportsItemsIsBlockedWithTheReason() {
        TablePlan plan = plan(strongWithWitness(), onDemand(new ObservedConsistency(false, List.of(), 12)));

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.actions()).isEmpty();
        assertThat(change(plan, MODE).action()).isEqualTo(Change.BLOCKED);
        assertThat(change(plan, WITNESS).action()).isEqualTo(Change.BLOCKED);
        assertThat(change(plan, Fields.REPLICAS).action()).isEqualTo(Change.BLOCKED);
        assertThat(plan.messages().get(0)).contains("holds items").contains("says 12")
                .contains(StrongConsistencyRules.NOT_EMPTY_HINT);
        assertThat(plan.desired()).doesNotContainKeys(MODE, WITNESS);
    }

    @Test
    void anEventualGlobalTableCannotBecomeStrong() {
        TablePlan plan = plan(strongWithTwoReplicas(), onDemand(ObservedConsistency.none(), "us-east-2", "us-west-2"));

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(change(plan, MODE)).extracting(Change::from, Change::to, Change::action)
                .containsExactly("EVENTUAL", "STRONG", Change.BLOCKED);
        assertThat(plan.messages().get(0)).contains("already an EVENTUAL global table")
                .contains("V2globaltables_HowItWorks.html");
        assertThat(plan.actions()).isEmpty();
    }

    @Test
    void aStrongTableInSyncPlansNothing() {
        ObservedTable live = onDemand(new ObservedConsistency(true, List.of("us-west-2"), 40), "us-east-2");

        TablePlan plan = plan(strongWithWitness(), live);

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void everyChangeOfAStrongTableIsBlocked() {
        ObservedTable live = onDemand(new ObservedConsistency(true, List.of("us-west-2"), 0), "us-east-2");

        TablePlan eventual = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas("us-east-2")), live);
        assertThat(eventual.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(change(eventual, MODE)).extracting(Change::from, Change::to).containsExactly("STRONG", "EVENTUAL");
        assertThat(change(eventual, WITNESS).to()).isEqualTo(Fields.ABSENT);
        assertThat(eventual.messages().get(0)).contains("consistency mode cannot be changed after creation");

        TablePlan otherWitness = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas("us-east-2")
                .strong(Optional.of("us-east-1"))), live);
        assertThat(change(otherWitness, WITNESS).action()).isEqualTo(Change.BLOCKED);
        assertThat(otherWitness.messages().get(0)).contains("fixed when it is created")
                .contains("replicas us-east-2, witness us-west-2");

        TablePlan noReplicas = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST)), live);
        assertThat(noReplicas.status()).isEqualTo(TableStatus.BLOCKED);
        for (TablePlan p : List.of(eventual, otherWitness, noReplicas)) {
            assertThat(p.actions()).noneMatch(a -> a instanceof Action.RemoveReplica
                    || a instanceof Action.AddReplica || a instanceof Action.CreateStrongGlobalTable);
        }
    }

    @Test
    void aRestoredTableCannotBeCreatedStrong() {
        TablePlan plan = planner.plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas("us-east-2")
                .strong(Optional.of("us-west-2")).restore(new RestoreSpec.FromBackup("nightly"))),
                Optional.empty(), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(change(plan, MODE).action()).isEqualTo(Change.BLOCKED);
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.CreateStrongGlobalTable);
    }

    @Test
    void aTableImportedFromS3CannotBeCreatedStrong() {
        ImportSpec s3 = new ImportSpec("exports", Optional.of("orders/"), Optional.empty(),
                ImportSpec.Format.DYNAMODB_JSON, ImportSpec.Compression.GZIP, Optional.empty(), Optional.empty());
        TablePlan plan = planner.plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas("us-east-2")
                .strong(Optional.of("us-west-2")).s3Import(s3)), Optional.empty(), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(change(plan, MODE).action()).isEqualTo(Change.BLOCKED);
        assertThat(plan.messages()).anyMatch(m -> m.contains("imported from S3"));
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.CreateStrongGlobalTable);
    }

    @Test
    void eventualReplicasStillComeOnePerCallAndReportNoConsistencyFields() {
        TablePlan plan = plan(orders(o -> o.billing(BillingMode.PAY_PER_REQUEST).replicas("us-west-2", "us-east-2")),
                onDemand(ObservedConsistency.none()));

        assertThat(plan.actions()).containsExactly(new Action.AddReplica("us-east-2"), new Action.AddReplica("us-west-2"));
        assertThat(plan.changes()).extracting(Change::field).doesNotContain(MODE, WITNESS);
        assertThat(plan.desired()).doesNotContainKeys(MODE, WITNESS);
    }
}
