package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackupTest {
    private static final long DAY = 86_400_000L;

    @Test
    void keepsASystemBackupForThirtyFiveDaysAndAUserBackupUntilDeleted() {
        long made = 1_700_000_000_000L;
        Backup system = backup(made, Backup.SYSTEM);
        assertThat(system.expiredAt(made + 35 * DAY)).isFalse();
        assertThat(system.expiredAt(made + 35 * DAY + 1)).isTrue();
        assertThat(backup(made, Backup.USER).expiredAt(made + 1000 * DAY)).isFalse();
    }

    @Test
    void readsABackupWithoutATypeAsAUserBackup() throws Exception {
        Backup written = backup(1_000, Backup.USER);
        var json = Json.MAPPER.valueToTree(written);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("type");
        assertThat(Json.MAPPER.treeToValue(json, Backup.class).type()).isEqualTo(Backup.USER);
    }

    private static Backup backup(long millis, String type) {
        return new Backup("arn:aws:dynamodb:us-east-1:000000000000:table/t/backup/x", "b", "us-east-1", "t",
                Backup.AVAILABLE, millis / 1000.0, 0, Json.object(), List.of(), type);
    }
}
