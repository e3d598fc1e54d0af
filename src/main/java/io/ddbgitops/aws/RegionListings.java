package io.ddbgitops.aws;

import io.ddbgitops.backup.BackupRecord;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What one run reads once per account and region instead of once per table, shared by every table task of the run: the region's
 * table names (ListTables), its on-demand backups (ListBackups without a table name, filtered per table here) and its
 * DynamoDB scalable targets and scaling policies (Application Auto Scaling, namespace {@code dynamodb}). Each listing
 * is read on first use, all pages, and then kept for the run: a listing is a snapshot of the region when the run
 * began, which is what the plan of every table compares with anyway. A listing that fails is not kept: the next table
 * that needs it tries again, and only that table fails.
 *
 * <p>ListBackups may be called at most five times per second
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html, checked 2026-12-01), so one
 * listing per region also keeps parallel tables from throttling each other on it.
 */
public final class RegionListings {
    private final DynamoDbClients clients;
    private final boolean tableNamesKnown;
    private final BackupReader backupReader = new BackupReader();
    private final Map<Placement, Once<Set<String>>> tables = new ConcurrentHashMap<>();
    private final Map<Placement, Once<Map<String, List<BackupRecord>>>> backups = new ConcurrentHashMap<>();
    private final Map<Placement, Once<Optional<Scaling>>> scaling = new ConcurrentHashMap<>();

    /**
     * {@code listTables}: whether a table missing from the region's ListTables counts as absent without its own
     * DescribeTable. Worth it when the run lists every region anyway (for undeclared tables); a pull-request plan of a
     * few tables in a large region reads them one by one instead.
     */
    public RegionListings(DynamoDbClients clients, boolean listTables) {
        this.clients = clients;
        this.tableNamesKnown = listTables;
    }

    /** Empty when this run does not list tables; else whether the listing of its account's region names the table. */
    public Optional<Boolean> listed(io.ddbgitops.manifest.TableId id) {
        if (!tableNamesKnown) {
            return Optional.empty();
        }
        try {
            return Optional.of(tableNames(Placement.of(id)).contains(id.tableName()));
        } catch (software.amazon.awssdk.core.exception.SdkException unlisted) {
            // unknown: the table's own DescribeTable decides, and fails on its own if the service is down
            return Optional.empty();
        }
    }

    /** Every table name in the account's region, all pages, sorted. */
    public Set<String> tableNames(Placement where) {
        return once(tables, where, () -> new TreeSet<>(clients.dynamoDb(where.account(), where.region())
                .listTablesPaginator(r -> r.limit(100)).tableNames().stream().toList()));
    }

    /** The user backups of this table name, from the account's region's one listing. */
    public List<BackupRecord> backups(Placement where, String table) {
        return once(backups, where, () -> backupReader.list(clients.dynamoDb(where.account(), where.region()),
                Optional.empty()).stream().collect(Collectors.groupingBy(BackupRecord::tableName)))
                .getOrDefault(table, List.of());
    }

    /** The region's DynamoDB scalable targets and policies; empty when the endpoint offers no Application Auto Scaling. */
    public Optional<Scaling> scaling(Placement where) {
        return once(scaling, where, () -> {
            ApplicationAutoScalingClient client = clients.autoScaling(where.account(), where.region());
            return LiveStateReader.optional(() -> {
                List<ScalableTarget> targets = client.describeScalableTargetsPaginator(r -> r
                        .serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets().stream().toList();
                // a policy needs a target: without targets there is nothing more to list
                Map<String, List<ScalingPolicy>> policies = targets.isEmpty() ? Map.of()
                        : client.describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
                        .scalingPolicies().stream().collect(Collectors.groupingBy(ScalingPolicy::resourceId));
                return new Scaling(targets, policies);
            });
        });
    }

    private static <T> T once(Map<Placement, Once<T>> memo, Placement where, Supplier<T> read) {
        return memo.computeIfAbsent(where, r -> new Once<>()).get(read);
    }

    /** A region's scalable targets and their policies by resource id ({@code table/NAME[/index/INDEX]}). */
    public record Scaling(List<ScalableTarget> targets, Map<String, List<ScalingPolicy>> policies) {
        public Scaling {
            targets = List.copyOf(targets);
            policies = Map.copyOf(policies);
        }

        public List<ScalableTarget> targets(Set<String> resourceIds) {
            return targets.stream().filter(t -> resourceIds.contains(t.resourceId())).toList();
        }

        public List<ScalingPolicy> policies(String resourceId) {
            return policies.getOrDefault(resourceId, List.of());
        }
    }

    /** A value read at most once successfully; callers that arrive meanwhile wait for it. */
    private static final class Once<T> {
        private T value;

        synchronized T get(Supplier<T> read) {
            if (value == null) {
                value = read.get();
            }
            return value;
        }
    }
}
