package io.ddbgitops.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardReportsTest {
    private static final String C1 = "1".repeat(40);
    private static final String C2 = "2".repeat(40);
    private static final ErrorEntry BROKEN = new ErrorEntry("manifests/bad.yaml", 3, 5, "spec.table_name", "missing");

    private static TableEntry table(String name, String status) {
        return new TableEntry("manifests/" + name + ".yaml", "default", name, "us-east-1", name, status, List.of(),
                List.of(), Map.of());
    }

    private static DriftReport shard(String checkedAt, String commit, List<TableEntry> tables,
                                     List<UnmanagedEntry> unmanaged) {
        return new DriftReport(DriftReport.APPLY, DriftReport.Summary.of(tables, 1, unmanaged), tables,
                List.of(BROKEN), unmanaged, 1, Optional.of("none"), Optional.of(checkedAt), Optional.of(commit));
    }

    @Test
    void theComposedReportHasEveryShardsTablesAndUndeclaredTablesOnceEachErrorOnce() {
        UnmanagedEntry stray = new UnmanagedEntry("us-east-1", "Stray", "", UnmanagedEntry.NONE, "not ours");
        DriftReport a = shard("2026-12-01T12:00:00Z", C1, List.of(table("Orders", "created"),
                table("Carts", "in_sync")), List.of());
        DriftReport b = shard("2026-12-01T12:00:05Z", C2, List.of(table("Users", "failed")), List.of(stray));
        DriftReport c = shard("2026-12-01T12:00:03Z", C2, List.of(), List.of());

        DriftReport composed = ShardReports.compose(List.of(a, b, c));

        assertThat(composed.tables()).extracting(TableEntry::table).containsExactly("Carts", "Orders", "Users");
        assertThat(composed.unmanaged()).containsExactly(stray);
        assertThat(composed.errors()).as("each shard validates every manifest").containsExactly(BROKEN);
        assertThat(composed.errorsTotal()).isEqualTo(1);
        assertThat(composed.summary()).isEqualTo(new DriftReport.Summary(1, 0, 0, 1, 1, 1, 0, 1, 0));
        assertThat(composed.checkedAt()).as("no fresher than its stalest shard").contains("2026-12-01T12:00:00Z");
        assertThat(composed.commit()).contains(C1);
        assertThat(composed.mode()).isEqualTo(DriftReport.APPLY);
        assertThat(ReportJson.read(ReportJson.write(composed))).contains(composed);
    }

    @Test
    void aTableInTwoShardFilesIsTheNewerShardsEntry() {
        DriftReport older = shard("2026-12-01T11:00:00Z", C1, List.of(table("Orders", "failed")), List.of());
        DriftReport newer = shard("2026-12-01T12:00:00Z", C2, List.of(table("Orders", "in_sync")), List.of());

        assertThat(ShardReports.compose(List.of(older, newer)).tables()).extracting(TableEntry::status)
                .containsExactly("in_sync");
        assertThat(ShardReports.compose(List.of(newer, older)).tables()).extracting(TableEntry::status)
                .containsExactly("in_sync");
    }

    @Test
    void oneShardComposesToItself() {
        DriftReport only = shard("2026-12-01T12:00:00Z", C1, List.of(table("Orders", "in_sync")), List.of());
        assertThat(ShardReports.compose(List.of(only))).isEqualTo(only);
        assertThatThrownBy(() -> ShardReports.compose(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
