package io.ddbgitops.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's backup section: what a quiet run compares, and what makes a run not quiet. */
class BackupSectionTest {
    private static TableEntry carts(String status, BackupEntry backup) {
        return new TableEntry("manifests/shop/carts.yaml", "shop", "carts", "us-east-1", "Carts", status, List.of(),
                List.of(), Map.of("owner", "shop/carts")).withBackup(backup);
    }

    private static DriftReport report(TableEntry... tables) {
        return new DriftReport(DriftReport.APPLY, DriftReport.Summary.of(List.of(tables), 0), List.of(tables), List.of());
    }

    private static BackupEntry quietLater(BackupEntry b, String age, String restorableTo) {
        return new BackupEntry(b.pitr(), b.restorableFrom(), Optional.of(restorableTo), b.newestBackup(),
                b.newestBackupCreated(), Optional.of(age), b.held(), b.nextDue(), Optional.empty(), List.of(), List.of());
    }

    @Test
    void settledStateIgnoresAgesWindowsAndThisRunsEvents() {
        BackupEntry tookOne = BackupFixtures.nightly();
        BackupEntry hourLater = quietLater(tookOne, "9h 59m", "2026-11-21T12:55:00Z");

        assertThat(report(carts("in_sync", hourLater)).settled())
                .isEqualTo(report(carts("in_sync", tookOne)).settled());
    }

    @Test
    void aRunThatTookOrDeletedABackupIsNotQuiet() {
        BackupEntry tookOne = BackupFixtures.nightly();

        assertThat(report(carts("in_sync", tookOne)).isQuiet()).isFalse();
        assertThat(report(carts("in_sync", quietLater(tookOne, "1h 0m", "2026-11-21T12:55:00Z"))).isQuiet()).isTrue();
    }

    @Test
    void aNewBackupByAnyoneChangesTheSettledState() {
        BackupEntry before = quietLater(BackupFixtures.nightly(), "1h 0m", "2026-11-21T12:55:00Z");
        BackupEntry after = new BackupEntry(before.pitr(), before.restorableFrom(), before.restorableTo(),
                Optional.of("Carts-by-hand"), Optional.of("2026-11-21T13:00:00Z"), Optional.of("0m"), before.held(),
                before.nextDue(), Optional.empty(), List.of(), List.of());

        assertThat(report(carts("in_sync", after)).settled()).isNotEqualTo(report(carts("in_sync", before)).settled());
    }

    @Test
    void aFailedBackupFailsItsTableAndSaysWhy() {
        BackupEntry failed = new BackupEntry("unknown", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), List.of(),
                List.of("backup Carts-ddbgitops-20261121T030000Z failed: LimitExceededException: slow down"));

        TableEntry entry = carts("in_sync", failed);

        assertThat(entry.status()).isEqualTo("failed");
        assertThat(entry.messages()).contains(failed.failures().get(0));
        assertThat(ReportMarkdown.render(report(entry))).contains("❌ 1 failure");
    }

    @Test
    void readsAnOlderReportWithoutBackupSections() {
        String json = ReportJson.write(report(carts("in_sync", BackupFixtures.nightly())))
                .replaceAll("(?s),\\s*\"backup\"\\s*:\\s*\\{.*?\\}\\s*(?=\\})", "");

        assertThat(json).doesNotContain("\"backup\"");
        assertThat(ReportJson.read(json)).hasValueSatisfying(r ->
                assertThat(r.tables()).singleElement().satisfies(t -> assertThat(t.backup()).isEmpty()));
    }
}
