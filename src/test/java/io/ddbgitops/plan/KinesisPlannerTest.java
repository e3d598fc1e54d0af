package io.ddbgitops.plan;

import io.ddbgitops.manifest.KinesisDestinationSpec;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.kinesis.KinesisFamily;
import io.ddbgitops.plan.kinesis.KinesisStep;
import io.ddbgitops.plan.kinesis.LiveKinesis;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ddbgitops.plan.Tables.liveOrders;
import static io.ddbgitops.plan.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** The Kinesis family: enable, precision update, stream change (old off first), ENABLING in progress, removal. */
class KinesisPlannerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String A = "arn:aws:kinesis:us-east-1:111111111111:stream/orders-a";
    private static final String B = "arn:aws:kinesis:us-east-1:111111111111:stream/orders-b";

    private final TablePlanner planner = new TablePlanner();

    private static TableManifest streaming(String arn, String precision) {
        return orders(o -> o.kinesis(new KinesisDestinationSpec(arn, Optional.ofNullable(precision))));
    }

    private static ObservedTable live(LiveKinesis.Destination... destinations) {
        return liveOrders(t -> t.kinesis(new LiveKinesis.Destinations(List.of(destinations))));
    }

    private static LiveKinesis.Destination dest(String arn, String status, String precision) {
        return new LiveKinesis.Destination(arn, status, Optional.of(precision));
    }

    private TablePlan plan(TableManifest m, ObservedTable live, Map<String, String> previous) {
        return planner.plan(m, Optional.of(live), previous, NOW);
    }

    private static Action step(KinesisStep step) {
        return new Action.Kinesis(step);
    }

    @Test
    void enabledOnANewTableAfterCreation() {
        TablePlan plan = planner.plan(streaming(A, "MICROSECOND"), Optional.empty(), Map.of(), NOW);

        assertThat(plan.actions()).contains(step(new KinesisStep.Enable(A, Optional.of("MICROSECOND"))));
        assertThat(plan.desired()).containsEntry(KinesisFamily.FIELD, A)
                .containsEntry(KinesisFamily.PRECISION, "MICROSECOND");
    }

    @Test
    void activeWithTheSamePrecisionIsInSync() {
        TablePlan plan = plan(streaming(A, null), live(dest(A, "ACTIVE", "MILLISECOND")),
                Map.of(KinesisFamily.FIELD, A));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
    }

    @Test
    void aPrecisionChangeIsAnUpdate() {
        TablePlan plan = plan(streaming(A, "MICROSECOND"), live(dest(A, "ACTIVE", "MILLISECOND")),
                Map.of(KinesisFamily.FIELD, A));

        assertThat(plan.actions()).containsExactly(step(new KinesisStep.UpdatePrecision(A, "MICROSECOND")));
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(KinesisFamily.PRECISION);
            assertThat(c.from()).isEqualTo("MILLISECOND");
            assertThat(c.to()).isEqualTo("MICROSECOND");
        });
    }

    @Test
    void anotherStreamDisablesTheOldOneFirst() {
        TablePlan plan = plan(streaming(B, null), live(dest(A, "ACTIVE", "MILLISECOND")),
                Map.of(KinesisFamily.FIELD, A));

        assertThat(plan.actions()).containsExactly(step(new KinesisStep.Disable(A)),
                step(new KinesisStep.Enable(B, Optional.empty())));
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.from()).isEqualTo(A);
            assertThat(c.to()).isEqualTo(B);
            assertThat(c.action()).isEqualTo("update");
        });
    }

    @Test
    void enablingIsInProgress() {
        TablePlan plan = plan(streaming(A, null), live(dest(A, "ENABLING", "MILLISECOND")),
                Map.of(KinesisFamily.FIELD, A));

        assertThat(plan.status()).isEqualTo(TableStatus.IN_PROGRESS);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Change.IN_PROGRESS);
            assertThat(c.from()).isEqualTo("ENABLING");
        });
    }

    @Test
    void disabledOutsideTheToolIsDriftEnabledAgain() {
        TablePlan plan = plan(streaming(A, null), live(dest(A, "DISABLED", "MILLISECOND")),
                Map.of(KinesisFamily.FIELD, A));

        assertThat(plan.status()).isEqualTo(TableStatus.DRIFTED);
        assertThat(plan.actions()).containsExactly(step(new KinesisStep.Enable(A, Optional.empty())));
    }

    @Test
    void removedFromTheManifestDisablesOnlyOurs() {
        TablePlan ours = plan(orders(), live(dest(A, "ACTIVE", "MILLISECOND")), Map.of(KinesisFamily.FIELD, A));
        TablePlan theirs = plan(orders(), live(dest(B, "ACTIVE", "MILLISECOND")), Map.of(KinesisFamily.FIELD, A));

        assertThat(ours.actions()).containsExactly(step(new KinesisStep.Disable(A)));
        assertThat(ours.desired()).doesNotContainKey(KinesisFamily.FIELD);
        assertThat(theirs.actions()).isEmpty();
        assertThat(theirs.messages()).anySatisfy(m -> assertThat(m).contains(B).contains("left alone"));
    }
}
