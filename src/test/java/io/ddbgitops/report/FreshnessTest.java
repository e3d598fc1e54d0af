package io.ddbgitops.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreshnessTest {
    private static final Instant CHECKED = Instant.parse("2026-11-21T12:00:00Z");
    private static final Freshness DAY = new Freshness(Duration.ofHours(24));

    private static DriftReport checked(Instant at) {
        return new DriftReport(DriftReport.APPLY, DriftReport.Summary.of(List.of(), 0), List.of(), List.of())
                .checked(at, ReportFixtures.COMMIT);
    }

    @Test
    void aHeartbeatIsDueOnlyOnceHalfOfStaleAfterHasPassed() {
        Optional<DriftReport> committed = Optional.of(checked(CHECKED));

        assertThat(DAY.heartbeatDue(committed, CHECKED.plus(Duration.ofHours(12)))).isFalse();
        assertThat(DAY.heartbeatDue(committed, CHECKED.plus(Duration.ofHours(12)).plusSeconds(1))).isTrue();
    }

    @Test
    void aReportWithoutCheckedAtOrNoReportIsRefreshedAndCountsAsStale() {
        DriftReport old = new DriftReport(DriftReport.APPLY, DriftReport.Summary.of(List.of(), 0), List.of(), List.of());

        assertThat(DAY.heartbeatDue(Optional.empty(), CHECKED)).isTrue();
        assertThat(DAY.heartbeatDue(Optional.of(old), CHECKED)).isTrue();
        assertThat(DAY.isStale(old, CHECKED)).isTrue();
    }

    @Test
    void staleOnlyAfterStaleAfter() {
        assertThat(DAY.isStale(checked(CHECKED), CHECKED.plus(Duration.ofHours(24)))).isFalse();
        assertThat(DAY.isStale(checked(CHECKED), CHECKED.plus(Duration.ofHours(24)).plusSeconds(1))).isTrue();
    }

    @Test
    void settledStatesIgnoreWhenAndAtWhichCommitTheyWereChecked() {
        DriftReport first = checked(CHECKED);
        DriftReport later = checked(CHECKED.plus(Duration.ofHours(5)))
                .checked(CHECKED.plus(Duration.ofHours(5)), "fedcba9876543210fedcba9876543210fedcba98");

        assertThat(first).isNotEqualTo(later);
        assertThat(first.settled()).isEqualTo(later.settled());
    }

    @Test
    void rejectsANonPositiveStaleAfterAndABadCommit() {
        assertThatThrownBy(() -> new Freshness(Duration.ZERO)).hasMessageContaining("stale_after must be a positive");
        assertThatThrownBy(() -> checked(CHECKED).checked(CHECKED, "HEAD")).hasMessageContaining("40 lower-case hex");
    }

    @Test
    void aHandEditedCheckedAtInAPreviousReportIsDroppedNotTheReport() {
        String json = ReportJson.write(checked(CHECKED)).replace("2026-11-21T12:00:00Z", "yesterday");

        assertThat(ReportJson.read(json)).hasValueSatisfying(r -> assertThat(r.checkedAt()).isEmpty());
    }
}
