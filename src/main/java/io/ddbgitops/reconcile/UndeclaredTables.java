package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsErrors;
import io.ddbgitops.aws.Deadline;
import io.ddbgitops.aws.DynamoDbApplier;
import io.ddbgitops.aws.LiveStateReader;
import io.ddbgitops.aws.Placement;
import io.ddbgitops.aws.RegionListings;
import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.ForeignTable;
import io.ddbgitops.plan.UnmanagedTablePlan;
import io.ddbgitops.plan.UnmanagedTables;
import io.ddbgitops.report.ReportBuilder;
import io.ddbgitops.report.UnmanagedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Lists the live tables of every region we manage that no manifest declares, and prunes the ones we own when
 * asked to. A region that cannot be listed is logged and skipped; it never fails the run.
 */
final class UndeclaredTables {
    private static final Logger LOG = LoggerFactory.getLogger(UndeclaredTables.class);

    private final LiveStateReader reader;
    private final DynamoDbApplier applier;

    private final Deadline deadline;

    UndeclaredTables(LiveStateReader reader, DynamoDbApplier applier, Deadline deadline) {
        this.reader = reader;
        this.applier = applier;
        this.deadline = deadline;
    }

    /** Where tables are listed: every account and region a manifest or the previous report names. */
    private record Place(String account, String region) implements Comparable<Place> {
        @Override
        public int compareTo(Place other) {
            return java.util.Comparator.comparing(Place::account).thenComparing(Place::region).compare(this, other);
        }

        @Override
        public String toString() {
            return (account.equals(TableId.DEFAULT_ACCOUNT) ? "" : account + ":") + region;
        }
    }

    /**
     * {@code listings}: the run's listing of each account's region, read once (the tables' reads may have used it);
     * {@code skip}: tables never listed: the tool's own (the lock table), and another shard's.
     */
    void reconcile(LoadResult loaded, RunRequest request, ReportBuilder builder, RegionListings listings,
                   Predicate<TableId> skip) {
        Set<TableId> declared = loaded.manifests().stream().map(TableManifest::tableId).collect(Collectors.toSet());
        // a replica of a managed table is that table in another region of the same account: ours, never undeclared
        loaded.manifests().forEach(m -> m.options().replicas().orElse(java.util.List.of())
                .forEach(region -> declared.add(new TableId(m.account(), region, m.tableId().tableName()))));
        Set<Place> places = new TreeSet<>();
        builder.previousTables().forEach(t -> places.add(new Place(t.account(), t.region())));
        loaded.manifests().forEach(m -> places.add(new Place(m.account(), m.region())));
        boolean prune = request.prune() && request.mode() == RunRequest.Mode.APPLY;
        for (Place place : places) {
            if (deadline.passed()) {
                LOG.warn("tables of {} not listed: {} has passed", place, deadline.describe());
                continue;
            }
            java.util.Set<String> names;
            try {
                names = listings.tableNames(new Placement(place.account(), place.region()));
            } catch (SdkException | IllegalStateException e) {
                // IllegalStateException: an account the previous report names and the config no longer defines
                LOG.warn("cannot list the tables of {}: {}", place, e instanceof SdkException sdk
                        ? AwsErrors.describe(sdk) : e.getMessage());
                continue;
            }
            for (String name : names) {
                TableId id = new TableId(place.account(), place.region(), name);
                if (declared.contains(id) || skip.test(id) || deadline.passed()) {
                    continue;
                }
                try {
                    reader.readForeign(id).filter(t -> !t.replicaOf(declared))
                            .ifPresent(t -> decide(t, prune, loaded.invalidManifests() > 0, builder));
                } catch (SdkException e) {
                    // one unreadable table is skipped, not the rest of the region
                    LOG.warn("{}: cannot read this undeclared table: {}", id, AwsErrors.describe(e));
                }
            }
        }
    }

    private void decide(ForeignTable table, boolean prune, boolean anyInvalid, ReportBuilder builder) {
        UnmanagedTablePlan plan = UnmanagedTables.plan(table, prune, anyInvalid);
        String owner = table.owner().orElse("");
        String action = UnmanagedEntry.NONE;
        String message = plan.message();
        if (!plan.actions().isEmpty()) {
            LOG.info("{}: pruning ({})", table.id(), message);
            DynamoDbApplier.ApplyOutcome outcome = applier.apply(table.id(), plan.actions());
            action = outcome.ok() ? UnmanagedEntry.DELETED : UnmanagedEntry.FAILED;
            message = outcome.failure().map(f -> plan.message().replace("; pruned after a backup", "") + "; " + f)
                    .orElse(message);
        }
        builder.undeclared(new UnmanagedEntry(table.id().region(), table.id().tableName(), owner, action, message,
                table.id().account()));
    }
}
