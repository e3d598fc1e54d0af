package io.ddbgitops.bench;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.Fault;
import io.ddbgitops.local.FaultPlan;
import io.ddbgitops.local.FaultRule;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.reconcile.ConfigRepo;
import io.ddbgitops.reconcile.Manifests;
import io.ddbgitops.reconcile.Reconciler;
import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
import io.ddbgitops.report.DriftReport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many runs of {@code apply} it takes to converge when a share of all DynamoDB requests fail. For each share
 * (default 10% and 30%): a config repository of N manifests (default 200) on a fresh in-process local endpoint; every
 * tenth table already exists with a few items (as a previous run left it, its capacity to be changed); the endpoint
 * fails that share of the tool's requests ({@link #plan}); {@code apply} runs until a run finds every table in sync. Then, faults off, every seeded item is
 * read back one by one. Run with {@code bench/fault-convergence.sh [tables] [shares] [max-runs]}; not part of
 * {@code mvn verify}.
 */
public final class FaultConvergenceBench {
    private static final String REGION = "us-east-1";

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] shares = (args.length > 1 ? args[1] : "0.10,0.30").split(",");
        int maxRuns = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        List<String> lines = new ArrayList<>();
        for (String share : shares) {
            lines.add(converge(tables, Double.parseDouble(share), maxRuns));
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static String converge(int tables, double share, int maxRuns) throws Exception {
        Path dir = Files.createTempDirectory("ddb-gitops-bench-");
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
             ConfigRepo repo = ConfigRepo.create(dir)) {
            Map<String, String> files = new LinkedHashMap<>();
            List<String> seeded = new ArrayList<>();
            try (DynamoDbClients setup = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()))) {
                DynamoDbClient client = setup.forRegion(REGION);
                for (int i = 0; i < tables; i++) {
                    String name = String.format("t%03d", i);
                    String table = String.format("Bench%03d", i);
                    files.put("manifests/" + name + ".yaml", Manifests.table(name, REGION, table, 5, 5, i % 2 == 0));
                    if (i % 10 == 0) {
                        SeededTables.create(client, table, "it/" + name);
                        seeded.add(table);
                    }
                }
            }
            repo.commit(tables + " tables", files);
            endpoint.faults().set(plan(share, 42));
            long started = System.nanoTime();
            List<String> perRun = new ArrayList<>();
            int firstCleanExit = 0;
            int runs = 0;
            boolean converged = false;
            while (runs < maxRuns && !converged) {
                runs++;
                RunResult result = apply(endpoint, repo);
                DriftReport.Summary s = result.report().summary();
                perRun.add(Math.round(share * 100) + "%: run " + runs + ": exit " + result.exitCode() + ", " + s.inSync() + " in sync, "
                        + (s.created() + s.changed() + s.drifted()) + " applied, " + s.failed() + " failed, "
                        + s.blocked() + " blocked");
                System.out.println(perRun.get(perRun.size() - 1));
                if (result.exitCode() == RunResult.OK && firstCleanExit == 0) {
                    firstCleanExit = runs;
                }
                converged = s.inSync() == tables;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Map<Fault, Long> injected = endpoint.faults().injected();
            endpoint.faults().clear();
            int lost = 0;
            try (DynamoDbClients check = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()))) {
                for (String table : seeded) {
                    lost += SeededTables.lost(check.forRegion(REGION), table);
                }
            }
            return String.format("faults %d%% of requests, %d tables: %s after %d run(s) (first exit 0 at run %d);"
                            + " faults injected %s; items checked %d, lost %d; %ds",
                    Math.round(share * 100), tables, converged ? "all in sync" : "NOT converged", runs,
                    firstCleanExit, injected, seeded.size() * SeededTables.ITEMS_PER_TABLE, lost, took.toSeconds());
        } finally {
            KillTrialsBench.deleteTree(dir);
        }
    }

    /**
     * Every request the tool sends fails with probability {@code share}. The kinds are mixed equally: throttling,
     * InternalServerError and a dropped connection for every operation, and LimitExceededException as a fourth kind only
     * for the operations AWS counts against its simultaneous-table-operations quota (CreateTable, UpdateTable,
     * DeleteTable, UpdateTimeToLive, the restores:
     * https://docs.aws.amazon.com/botocore/latest/reference/services/dynamodb/client/exceptions/LimitExceededException.html,
     * checked 2026-12-01); DynamoDB does not answer reads with it.
     */
    static FaultPlan plan(double share, long seed) {
        double four = 1 - Math.pow(1 - share, 1.0 / 4);
        double three = 1 - Math.pow(1 - share, 1.0 / 3);
        List<FaultRule> rules = new ArrayList<>();
        rules.add(FaultRule.always(Fault.LIMIT_EXCEEDED).withProbability(four).onlyFor(QUOTA_OPERATIONS));
        for (Fault fault : List.of(Fault.THROTTLE, Fault.INTERNAL_ERROR, Fault.DROP_CONNECTION)) {
            rules.add(FaultRule.always(fault).withProbability(four).onlyFor(QUOTA_OPERATIONS));
        }
        for (Fault fault : List.of(Fault.THROTTLE, Fault.INTERNAL_ERROR, Fault.DROP_CONNECTION)) {
            rules.add(FaultRule.always(fault).withProbability(three).onlyFor(OTHER_OPERATIONS));
        }
        return new FaultPlan(rules, seed);
    }

    private static final String[] QUOTA_OPERATIONS = {"CreateTable", "UpdateTable", "DeleteTable", "UpdateTimeToLive",
            "RestoreTableFromBackup", "RestoreTableToPointInTime"};
    /** Every other operation the tool sends. */
    private static final String[] OTHER_OPERATIONS = {"DescribeTable", "DescribeContinuousBackups",
            "DescribeTimeToLive", "DescribeContributorInsights", "ListTagsOfResource", "ListTables", "ListBackups",
            "DescribeBackup", "TagResource", "UntagResource", "UpdateContinuousBackups", "UpdateContributorInsights",
            "CreateBackup", "DeleteBackup"};

    private static RunResult apply(LocalEndpoint endpoint, ConfigRepo repo) throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), Instant.now(), GitAuth.none(), CommitAuthor.defaults());
        try (DynamoDbClients clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()))) {
            return new Reconciler(new ManifestLoader(), clients).run(request);
        }
    }
}
