package io.ddbgitops.backup;

import io.ddbgitops.manifest.BackupSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackupPolicyTest {
    private static final BackupSchedule DAILY = BackupSchedule.parse("0 0 3 * * ?");
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static BackupRecord ours(String fireTime, String status) {
        Instant fire = Instant.parse(fireTime);
        return new BackupRecord("arn:" + fireTime + status, BackupNames.scheduled("Orders", fire), "Orders", status,
                fire.plusSeconds(5));
    }

    private static BackupRecord others(String name, String created) {
        return new BackupRecord("arn:other:" + name, name, "Orders", BackupRecord.AVAILABLE, Instant.parse(created));
    }

    @Test
    void isDueWhenNoBackupOfOursBelongsToTheLatestFireTime() {
        assertThat(BackupPolicy.due("Orders", DAILY, List.of(ours("2026-11-20T03:00:00Z", "AVAILABLE")), NOW))
                .contains(new BackupPolicy.ScheduledBackup("Orders-ddbgitops-20261121T030000Z",
                        Instant.parse("2026-11-21T03:00:00Z")));
    }

    @Test
    void isNotDueWhenOursForThisFireTimeExistsEvenIfStillCreating() {
        assertThat(BackupPolicy.due("Orders", DAILY, List.of(ours("2026-11-21T03:00:00Z", "AVAILABLE")), NOW)).isEmpty();
        assertThat(BackupPolicy.due("Orders", DAILY, List.of(ours("2026-11-21T03:00:00Z", "CREATING")), NOW)).isEmpty();
    }

    @Test
    void someoneElsesRecentBackupDoesNotCountAsOurs() {
        assertThat(BackupPolicy.due("Orders", DAILY, List.of(others("manual", "2026-11-21T11:00:00Z")), NOW))
                .isPresent();
    }

    @Test
    void justBeforeAFireTimeThePreviousOneIsTheOneDue() {
        Instant justBefore = Instant.parse("2026-11-22T02:59:59Z");

        assertThat(BackupPolicy.due("Orders", DAILY, List.of(ours("2026-11-21T03:00:00Z", "AVAILABLE")), justBefore))
                .isEmpty();
        assertThat(BackupPolicy.due("Orders", DAILY, List.of(ours("2026-11-21T03:00:00Z", "AVAILABLE")),
                Instant.parse("2026-11-22T03:00:00Z"))).isPresent();
    }

    @Test
    void retentionDeletesOnlyOurOldestAvailableBackupsBeyondRetain() {
        List<BackupRecord> backups = List.of(
                others("manual-1", "2026-11-01T00:00:00Z"),
                ours("2026-11-18T03:00:00Z", "AVAILABLE"),
                ours("2026-11-19T03:00:00Z", "AVAILABLE"),
                ours("2026-11-20T03:00:00Z", "AVAILABLE"),
                ours("2026-11-21T03:00:00Z", "CREATING"));

        List<BackupRecord> expired = BackupPolicy.expired("Orders", backups, 2);

        assertThat(expired).extracting(BackupRecord::name).containsExactly("Orders-ddbgitops-20261118T030000Z");
    }

    @Test
    void retentionNeverDeletesACreatingBackupNorCountsIt() {
        List<BackupRecord> backups = List.of(ours("2026-11-20T03:00:00Z", "AVAILABLE"),
                ours("2026-11-21T03:00:00Z", "CREATING"));

        assertThat(BackupPolicy.expired("Orders", backups, 1)).isEmpty();
    }

    @Test
    void decisionCountsTheDueBackupBeforeRetention() {
        BackupSpec spec = new BackupSpec(Optional.of("0 0 3 * * ?"), Optional.of(2), true);
        List<BackupRecord> backups = List.of(ours("2026-11-19T03:00:00Z", "AVAILABLE"),
                ours("2026-11-20T03:00:00Z", "AVAILABLE"), others("manual", "2026-11-01T00:00:00Z"));

        BackupPolicy.BackupDecision decision = BackupPolicy.decide("Orders", spec, backups, NOW);

        assertThat(decision.due()).map(BackupPolicy.ScheduledBackup::name).contains("Orders-ddbgitops-20261121T030000Z");
        assertThat(decision.expired()).extracting(BackupRecord::name).containsExactly("Orders-ddbgitops-20261119T030000Z");
        assertThat(decision.nextDue()).contains(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void withoutScheduleNothingIsDueAndRetentionStillApplies() {
        BackupSpec spec = new BackupSpec(Optional.empty(), Optional.of(1), true);
        List<BackupRecord> backups = List.of(ours("2026-11-19T03:00:00Z", "AVAILABLE"),
                ours("2026-11-20T03:00:00Z", "AVAILABLE"));

        BackupPolicy.BackupDecision decision = BackupPolicy.decide("Orders", spec, backups, NOW);

        assertThat(decision.due()).isEmpty();
        assertThat(decision.nextDue()).isEmpty();
        assertThat(decision.expired()).hasSize(1);
    }

    @Test
    void duplicatesKeepTheOldestOfEachNameSoOverlappingRunsAgree() {
        BackupRecord first = ours("2026-11-21T03:00:00Z", "AVAILABLE");
        BackupRecord twin = new BackupRecord("arn:twin", first.name(), "Orders", "CREATING",
                first.createdAt().plusSeconds(1));
        List<BackupRecord> backups = new ArrayList<>(List.of(twin, first, ours("2026-11-20T03:00:00Z", "AVAILABLE"),
                others(first.name().replace("ddbgitops", "manual"), "2026-11-21T03:00:09Z")));

        assertThat(BackupPolicy.duplicates("Orders", backups)).containsExactly(twin);
    }

    @Test
    void oursAreOnlyThisTablesScheduledBackupsOldestFirst() {
        BackupRecord safety = new BackupRecord("arn:s", BackupNames.safety("Orders", NOW), "Orders", "AVAILABLE", NOW);
        BackupRecord otherTable = new BackupRecord("arn:o", BackupNames.scheduled("Orders", NOW), "Carts",
                "AVAILABLE", NOW);

        List<BackupRecord> ours = BackupPolicy.ours("Orders", List.of(ours("2026-11-21T03:00:00Z", "AVAILABLE"),
                safety, otherTable, ours("2026-11-20T03:00:00Z", "AVAILABLE")));

        assertThat(ours).extracting(BackupRecord::name).containsExactly("Orders-ddbgitops-20261120T030000Z",
                "Orders-ddbgitops-20261121T030000Z");
    }
}
