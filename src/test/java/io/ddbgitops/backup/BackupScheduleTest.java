package io.ddbgitops.backup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupScheduleTest {

    @ParameterizedTest(name = "{0} at {1} last fired {2}")
    @CsvSource({
            // daily at 03:00 UTC: exactly at, just after, just before a fire time
            "0 0 3 * * ?,          2026-11-21T03:00:00Z,     2026-11-21T03:00:00Z",
            "0 0 3 * * ?,          2026-11-21T03:00:00.999Z, 2026-11-21T03:00:00Z",
            "0 0 3 * * ?,          2026-11-21T02:59:59Z,     2026-11-20T03:00:00Z",
            "0 0 3 * * ?,          2026-11-21T12:00:00Z,     2026-11-21T03:00:00Z",
            // every 15 minutes
            "0 */15 * * * ?,       2026-11-21T12:44:59Z,     2026-11-21T12:30:00Z",
            "0 */15 * * * ?,       2026-11-21T12:45:00Z,     2026-11-21T12:45:00Z",
            // weekly, Sundays 01:30 (2026-11-22 is a Sunday)
            "0 30 1 ? * SUN,       2026-11-21T12:00:00Z,     2026-11-15T01:30:00Z",
            "0 30 1 ? * SUN,       2026-11-22T01:30:00Z,     2026-11-22T01:30:00Z",
            // monthly on the last day, across a year boundary
            "0 0 0 L * ?,          2027-01-15T00:00:00Z,     2026-12-31T00:00:00Z",
            // once a year on 29 February: the search reaches back years
            "0 0 0 29 2 ?,         2026-11-21T00:00:00Z,     2024-02-29T00:00:00Z",
            // every second
            "* * * * * ?,          2026-11-21T12:00:00.400Z, 2026-11-21T12:00:00Z"})
    void findsTheMostRecentFireTimeAtOrBeforeNow(String cron, String now, String expected) {
        BackupSchedule schedule = BackupSchedule.parse(cron);

        assertThat(schedule.latestFireAtOrBefore(Instant.parse(now))).contains(Instant.parse(expected));
    }

    @Test
    void evaluatesInUtcWhateverTheMachineZone() {
        BackupSchedule schedule = BackupSchedule.parse("0 0 3 * * ?");

        assertThat(schedule.nextFireAfter(Instant.parse("2026-11-21T03:00:00Z")))
                .contains(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void nextFireTimeIsStrictlyAfter() {
        BackupSchedule schedule = BackupSchedule.parse("0 0 */6 * * ?");

        assertThat(schedule.nextFireAfter(Instant.parse("2026-11-21T06:00:00Z")))
                .contains(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(schedule.nextFireAfter(Instant.parse("2026-11-21T05:59:59Z")))
                .contains(Instant.parse("2026-11-21T06:00:00Z"));
    }

    @Test
    void aScheduleThatNeverFiredWithinTheLookbackHasNoFireTime() {
        assertThat(BackupSchedule.parse("0 0 3 1 1 ? 2099").latestFireAtOrBefore(Instant.parse("2026-11-21T00:00:00Z")))
                .isEmpty();
        assertThat(BackupSchedule.parse("0 0 3 1 1 ? 2001").latestFireAtOrBefore(Instant.parse("2026-11-21T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void aScheduleThatStoppedFiringHasNoNextFireTime() {
        assertThat(BackupSchedule.parse("0 0 3 1 1 ? 2020").nextFireAfter(Instant.parse("2026-11-21T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void rejectsAnExpressionThatIsNotQuartzCronWithTheValue() {
        assertThatThrownBy(() -> BackupSchedule.parse("0 0 3 * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"0 0 3 * *\" is not a Quartz cron expression");
    }
}
