package io.ddbgitops.plan;

import io.ddbgitops.manifest.ImportSpec;
import io.ddbgitops.manifest.StreamViewType;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.WarmThroughputSpec;
import io.ddbgitops.plan.imports.ImportFamily;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manifest with {@code import} creates its missing table with ImportTable, then applies what ImportTable cannot
 * carry in the update order; on a table that exists the import is blocked, unless this very import made it.
 */
class ImportPlanningTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final ImportSpec SOURCE = new ImportSpec("shop-exports", Optional.of("orders/"), Optional.empty(),
            ImportSpec.Format.DYNAMODB_JSON, ImportSpec.Compression.GZIP, Optional.empty(), Optional.empty());
    private static final String RECORDED = "s3://shop-exports/orders/ (DYNAMODB_JSON, GZIP)";
    private final TablePlanner planner = new TablePlanner();

    private static TableManifest importing(java.util.function.UnaryOperator<Options> more) {
        return Tables.orders(o -> {
            o.s3Import = Optional.of(SOURCE);
            return more.apply(o);
        });
    }

    @Test
    void importsInsteadOfCreatingAndSaysFromWhere() {
        TableManifest manifest = importing(o -> o);

        TablePlan plan = planner.plan(manifest, Optional.empty(), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.CREATED);
        assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.ImportTable.class, i -> {
            assertThat(i.source()).isEqualTo(SOURCE);
            assertThat(i.tags()).containsEntry(Ownership.TAG_KEY, "shop/orders");
            assertThat(i.describe()).isEqualTo("import table us-east-1/Orders from s3://shop-exports/orders/ "
                    + "(DYNAMODB_JSON, GZIP)");
        });
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.CreateTable);
        assertThat(plan.changes()).contains(new Change(ImportFamily.FIELD, Fields.ABSENT, RECORDED, "create",
                Change.Cause.GIT));
        assertThat(plan.desired()).containsEntry(ImportFamily.FIELD, RECORDED);
    }

    @Test
    void appliesWhatImportTableCannotCarryAfterItInTheUpdateOrder() {
        TableManifest manifest = importing(o -> {
            o.stream = Optional.of(StreamViewType.NEW_IMAGE);
            o.ttl = Optional.of("expiresAt");
            o.deletionProtection = Optional.of(true);
            o.tableClass = Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS);
            o.warmThroughput = Optional.of(new WarmThroughputSpec(Optional.of(15_000L), Optional.empty()));
            o.tags = Map.of("team", "shop");
            return o;
        });

        List<Action> actions = planner.plan(manifest, Optional.empty(), Map.of(), NOW).actions();

        assertThat(actions).extracting(Action::describe).containsSubsequence(
                "import table us-east-1/Orders from s3://shop-exports/orders/ (DYNAMODB_JSON, GZIP)",
                new Action.SetStream(Optional.of(StreamViewType.NEW_IMAGE)).describe(),
                new Action.SetDeletionProtection(true).describe(),
                new Action.SetTableClass(TableClass.STANDARD_INFREQUENT_ACCESS).describe(),
                "raise warm throughput to 15000 read units per second",
                new Action.SetTimeToLive("expiresAt", true).describe(),
                new Action.UpdatePitr(true, Optional.empty()).describe());
        assertThat(((Action.ImportTable) actions.get(0)).tags()).containsEntry("team", "shop");
    }

    @Test
    void anExistingTableIsBlockedWithTheReasonAndTheRestStillApplies() {
        TableManifest manifest = importing(o -> o);

        TablePlan plan = planner.plan(manifest, Optional.of(Tables.liveOrders(t -> t.capacity(5, 30))), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo(ImportFamily.FIELD);
            assertThat(c.action()).isEqualTo(Change.BLOCKED);
        });
        assertThat(plan.messages().get(0)).isEqualTo("import from s3://shop-exports/orders/ is blocked: table "
                + "us-east-1/Orders already exists, and ImportTable only creates a new table; nothing is imported. "
                + "Remove import from the manifest, or import into a new table name (S3DataImport.HowItWorks)");
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.ImportTable)
                .anyMatch(a -> a instanceof Action.UpdateThroughput);
        assertThat(plan.desired()).doesNotContainKey(ImportFamily.FIELD);
    }

    @Test
    void theTableThisImportMadeIsInSync() {
        TableManifest manifest = importing(o -> o);
        Map<String, String> applied = Map.of(ImportFamily.FIELD, RECORDED, Fields.OWNER, "shop/orders");

        TablePlan plan = planner.plan(manifest, Optional.of(Tables.liveOrders()), applied, NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.IN_SYNC);
        assertThat(plan.desired()).containsEntry(ImportFamily.FIELD, RECORDED);
    }

    @Test
    void anotherSourceAfterTheImportIsBlockedAndSaysWhichImportMadeTheTable() {
        TableManifest manifest = importing(o -> o);
        Map<String, String> applied = Map.of(ImportFamily.FIELD, "s3://old-exports/ (CSV, NONE)");

        TablePlan plan = planner.plan(manifest, Optional.of(Tables.liveOrders()), applied, NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.BLOCKED);
        assertThat(plan.messages().get(0)).contains("(it was made by the import from s3://old-exports/ (CSV, NONE))");
        assertThat(plan.desired()).containsEntry(ImportFamily.FIELD, "s3://old-exports/ (CSV, NONE)");
    }

    @Test
    void aTableStillImportingFromThePreviousRunIsOursAndInProgressNotUnmanaged() {
        TableManifest manifest = importing(o -> o);
        ObservedTable importing = Tables.liveOrders(t -> t.status("CREATING").tags(Map.of()));

        TablePlan plan = planner.plan(manifest, Optional.of(importing), Map.of(ImportFamily.FIELD, RECORDED), NOW);

        assertThat(plan.status()).isNotEqualTo(TableStatus.UNMANAGED);
        assertThat(plan.changes()).anySatisfy(c -> assertThat(c.action()).isEqualTo(Change.IN_PROGRESS));
        assertThat(plan.actions()).contains(new Action.TagTable(Ownership.tagFor(manifest)));
    }

    @Test
    void aTableNobodyOwnsIsStillUnmanagedWhenNoImportOfOursMadeIt() {
        TableManifest manifest = importing(o -> o);

        TablePlan plan = planner.plan(manifest, Optional.of(Tables.liveOrders(t -> t.tags(Map.of()))), Map.of(), NOW);

        assertThat(plan.status()).isEqualTo(TableStatus.UNMANAGED);
    }
}
