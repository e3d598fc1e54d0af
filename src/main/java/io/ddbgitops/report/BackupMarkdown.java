package io.ddbgitops.report;

import java.util.ArrayList;
import java.util.List;

/** The report's backups table: one row per table that has a backup section. */
final class BackupMarkdown {
    private BackupMarkdown() {}

    static void append(StringBuilder md, DriftReport report) {
        List<TableEntry> tables = report.tables().stream().filter(t -> t.backup().isPresent()).toList();
        if (tables.isEmpty()) {
            return;
        }
        md.append("## Backups\n\n");
        md.append("| table | point-in-time recovery | newest backup | ours held | next due | this run |\n");
        md.append("|---|---|---|---|---|---|\n");
        boolean accounts = report.showsAccounts(); // once: it looks at every table
        for (TableEntry t : tables) {
            BackupEntry b = t.backup().orElseThrow();
            md.append("| ").append(Escape.text(t.where(accounts)))
                    .append(" | ").append(Escape.text(pitr(b)))
                    .append(" | ").append(b.newestBackup().map(n -> Escape.codeInCell(n)
                            + b.newestBackupAge().map(a -> " (" + Escape.text(a) + " old)").orElse("")).orElse("none"))
                    .append(" | ").append(b.held())
                    .append(" | ").append(b.nextDue().map(Escape::text).orElse("—"))
                    .append(" | ").append(events(b, report.isPlan()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String pitr(BackupEntry b) {
        if (b.restorableFrom().isPresent() && b.restorableTo().isPresent()) {
            return b.pitr() + ", restorable " + b.restorableFrom().get() + " – " + b.restorableTo().get();
        }
        return b.pitr();
    }

    private static String events(BackupEntry b, boolean plan) {
        List<String> events = new ArrayList<>();
        b.taken().ifPresent(n -> events.add((plan ? "due: would take " : "took ") + Escape.codeInCell(n)));
        b.deleted().forEach(n -> events.add((plan ? "would delete " : "deleted ") + Escape.codeInCell(n)));
        if (!b.failures().isEmpty()) {
            events.add("❌ " + b.failures().size() + (b.failures().size() == 1 ? " failure" : " failures"));
        }
        return events.isEmpty() ? "—" : String.join("; ", events);
    }
}
