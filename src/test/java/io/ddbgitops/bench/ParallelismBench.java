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
import io.ddbgitops.reconcile.Progress;
import io.ddbgitops.reconcile.Reconciler;
import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
import org.eclipse.jgit.api.Git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a no-change plan of many tables scales with --parallelism, to choose its default: the tables are made once, then
 * plans at each parallelism run interleaved for a few rounds, with the local endpoint answering at once (loopback)
 * and with every answer held back by a latency (10 ms, roughly a round trip to AWS in the same region). Prints
 * min/median/max seconds and the median's speed-up over a parallelism of 1, per latency. The endpoint runs in the same
 * JVM and serves 16 requests at a time. Run with {@code bench/parallelism.sh [tables] [rounds]}; not part of
 * {@code mvn verify}.
 */
public final class ParallelismBench {
    private static final List<Integer> PARALLELISM = List.of(1, 4, 8, 16, 32);
    private static final List<Duration> LATENCIES = List.of(Duration.ZERO, Duration.ofMillis(10));

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("parallelism-bench");
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
             DynamoDbClients clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()))) {
            String repo = repository(dir, tables);
            RunResult made = run(clients, repo, RunRequest.Mode.APPLY, 16);
            if (made.exitCode() != 0 || made.report().summary().created() != tables) {
                throw new IllegalStateException("setup failed:\n" + made.markdown());
            }
            System.out.printf("plan of %d in-sync tables, %d rounds interleaved, seconds min/median/max%n", tables,
                    rounds);
            for (Duration latency : LATENCIES) {
                endpoint.faults().set(latency.isZero() ? FaultPlan.NONE
                        : FaultPlan.of(1, FaultRule.always(Fault.LATENCY, latency)));
                Map<Integer, double[]> seconds = new LinkedHashMap<>();
                PARALLELISM.forEach(n -> seconds.put(n, new double[rounds]));
                run(clients, repo, RunRequest.Mode.PLAN, 8); // warm-up
                for (int round = 0; round < rounds; round++) {
                    for (int n : PARALLELISM) {
                        long start = System.nanoTime();
                        RunResult plan = run(clients, repo, RunRequest.Mode.PLAN, n);
                        seconds.get(n)[round] = (System.nanoTime() - start) / 1e9;
                        if (plan.report().summary().inSync() != tables) {
                            throw new IllegalStateException("not in sync at " + n + ":\n" + plan.markdown());
                        }
                    }
                }
                double base = median(seconds.get(1));
                System.out.printf("latency %d ms%n%-12s %8s %8s %8s %10s%n", latency.toMillis(), "parallelism", "min",
                        "median", "max", "speed-up");
                seconds.forEach((n, s) -> {
                    double[] sorted = s.clone();
                    Arrays.sort(sorted);
                    System.out.printf("%-12d %8.2f %8.2f %8.2f %9.1fx%n", n, sorted[0], median(s),
                            sorted[sorted.length - 1], base / median(s));
                });
            }
            endpoint.faults().clear();
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static RunResult run(DynamoDbClients clients, String repo, RunRequest.Mode mode, int parallelism)
            throws Exception {
        return new Reconciler(new ManifestLoader(), clients, Progress.NONE, parallelism).run(new RunRequest(mode, repo,
                Optional.empty(), false, Optional.empty(), Instant.now(), GitAuth.none(), CommitAuthor.defaults()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** A git repository with one plain manifest per table. */
    private static String repository(Path dir, int tables) throws Exception {
        Path work = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(work.resolve("manifests"));
            for (int i = 0; i < tables; i++) {
                Files.writeString(work.resolve("manifests/t" + i + ".yaml"), """
                        apiVersion: prsn.io/v1
                        kind: Dynamodb
                        metadata:
                          name: t%d
                          namespace: bench
                        spec:
                          region: "us-east-1"
                          tablename: "Bench%04d"
                          pri_key_attributename: "id"
                          pri_key_attributetype: "S"
                          writecapacityunits: 5
                          readcapacityunits: 5
                        """.formatted(i, i), StandardCharsets.UTF_8);
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("tables").setAuthor("bench", "bench@localhost")
                    .setCommitter("bench", "bench@localhost").setSign(false).call();
        }
        return work.toUri().toString();
    }
}
