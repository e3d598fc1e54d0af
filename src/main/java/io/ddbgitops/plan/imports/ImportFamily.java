package io.ddbgitops.plan.imports;

import io.ddbgitops.manifest.ImportSpec;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.TableOptions;
import io.ddbgitops.plan.Action;
import io.ddbgitops.plan.settings.SettingStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code import}'s one home. ImportTable only ever creates a new table: "Import into existing tables is not currently
 * supported" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.HowItWorks.html, checked
 * 2026-12-01). So a missing table is made by ImportTable instead of CreateTable; a table that exists is never imported
 * into: unless the report records that this very import made it ({@value #FIELD} applied with the same source), the
 * field is {@code blocked} with the reason. Unlike {@code restore}, which is silently left out once its table
 * exists, an import that cannot happen is said out loud, as the issue asks.
 *
 * <p>ImportTable's {@code TableCreationParameters} carry the key schema, attribute definitions, billing mode,
 * provisioned or on-demand throughput, SSE and the global indexes (with their throughput, caps and warm throughput),
 * and nothing else (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableCreationParameters.html,
 * checked 2026-12-01). What CreateTable would have carried beyond that (stream, deletion protection, table class,
 * the table's warm throughput) is {@link #afterImport applied once the import completed}, in the update order; tags
 * (ImportTable takes none) are put on by the import action itself, as a restore does.
 */
public final class ImportFamily {
    public static final String FIELD = "import";

    private ImportFamily() {}

    /** The import as the report records it: its source, format and options on one line. */
    public static Optional<String> desired(TableManifest manifest) {
        return manifest.options().s3Import().map(ImportSpec::describe);
    }

    /**
     * Whether the previous run started this very import (the report records it): its table, even still CREATING or
     * not tagged yet, is ours.
     */
    public static boolean startedBefore(TableManifest manifest, Map<String, String> previouslyApplied) {
        return desired(manifest).filter(d -> d.equals(previouslyApplied.get(FIELD))).isPresent();
    }

    /** Why an import cannot be made into the existing table; empty when there is nothing to say. */
    public static Optional<String> refusal(TableManifest manifest, String tableId, Map<String, String> previouslyApplied) {
        Optional<ImportSpec> spec = manifest.options().s3Import();
        if (spec.isEmpty() || startedBefore(manifest, previouslyApplied)) {
            return Optional.empty();
        }
        String was = Optional.ofNullable(previouslyApplied.get(FIELD)).map(p -> " (it was made by the import from "
                + p + ")").orElse("");
        return Optional.of("import from " + spec.get().location() + " is blocked: table " + tableId + " already exists"
                + was + ", and ImportTable only creates a new table; nothing is imported. Remove import from the "
                + "manifest, or import into a new table name (S3DataImport.HowItWorks)");
    }

    /**
     * The calls that give an imported table what CreateTable would have given it and ImportTable cannot, in the
     * update order's step 4 (stream, then deletion protection and table class), then the table's own warm
     * throughput (the indexes' travel with them in ImportTable).
     */
    public static List<Action> afterImport(TableManifest manifest) {
        TableOptions o = manifest.options();
        List<Action> actions = new ArrayList<>();
        o.streamViewType().ifPresent(v -> actions.add(new Action.SetStream(Optional.of(v))));
        o.deletionProtection().filter(on -> on).ifPresent(on -> actions.add(new Action.SetDeletionProtection(true)));
        o.tableClass().filter(c -> c != io.ddbgitops.manifest.TableClass.STANDARD)
                .ifPresent(c -> actions.add(new Action.SetTableClass(c)));
        o.warmThroughput().ifPresent(w -> actions.add(new Action.TableSetting(new SettingStep.SetWarmThroughput(
                Optional.empty(), w.readUnitsPerSecond(), w.writeUnitsPerSecond()))));
        return actions;
    }
}
