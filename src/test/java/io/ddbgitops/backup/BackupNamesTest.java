package io.ddbgitops.backup;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BackupNamesTest {
    private static final Instant FIRE = Instant.parse("2026-11-21T03:00:00Z");

    @Test
    void namesAScheduledBackupAfterTableAndFireTime() {
        assertThat(BackupNames.scheduled("Orders", FIRE)).isEqualTo("Orders-ddbgitops-20261121T030000Z");
    }

    @Test
    void readsTheFireTimeBackFromOurOwnName() {
        assertThat(BackupNames.scheduledFireTime("Orders", "Orders-ddbgitops-20261121T030000Z")).contains(FIRE);
    }

    @Test
    void doesNotRecogniseOtherPeoplesOrOtherTablesBackups() {
        assertThat(BackupNames.scheduledFireTime("Orders", "Orders-manual-20261121")).isEmpty();
        assertThat(BackupNames.scheduledFireTime("Orders", "OrdersV2-ddbgitops-20261121T030000Z")).isEmpty();
        assertThat(BackupNames.scheduledFireTime("Orders", "Orders-ddbgitops-20261121T030000Z-copy")).isEmpty();
        assertThat(BackupNames.scheduledFireTime("Orders", "Orders-ddbgitops-2026112xT030000Z")).isEmpty();
    }

    @Test
    void keepsSafetyBackupsApartFromScheduledOnes() {
        String safety = BackupNames.safety("Orders", Instant.parse("2026-11-21T03:15:22.123Z"));

        assertThat(safety).isEqualTo("Orders-ddbgitops-safety-20261121T031522Z");
        assertThat(BackupNames.isSafety("Orders", safety)).isTrue();
        assertThat(BackupNames.scheduledFireTime("Orders", safety)).isEmpty();
        assertThat(BackupNames.isSafety("Orders", BackupNames.scheduled("Orders", FIRE))).isFalse();
    }

    @Test
    void cutsALongTableNameToKeepWithinAwsNameRules() {
        String table = "t".repeat(255);

        String name = BackupNames.scheduled(table, FIRE);

        assertThat(name).hasSize(255).matches("[a-zA-Z0-9_.-]{3,255}").endsWith("-ddbgitops-20261121T030000Z");
        assertThat(BackupNames.scheduledFireTime(table, name)).contains(FIRE);
        assertThat(BackupNames.safety(table, FIRE)).hasSize(255);
    }
}
