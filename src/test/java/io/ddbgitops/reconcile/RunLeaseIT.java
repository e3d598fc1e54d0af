package io.ddbgitops.reconcile;

import com.amazonaws.services.dynamodbv2.AcquireLockOptions;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;
import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.cli.Main;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.lease.LeaseHolder;
import io.ddbgitops.local.AwsCli;
import io.ddbgitops.local.LocalEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.Shard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The run lease against the local endpoint: one writer at a time, a killed run's lease taken over, plans free. */
class RunLeaseIT {
    private static final String LOCKS = "ddb-gitops-locks";

    @TempDir
    Path temp;
    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private DynamoDbClient dynamo;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        dynamo = clients.forRegion("us-east-1");
    }

    @AfterEach
    void stop() {
        clients.close();
        endpoint.close();
    }

    @Test
    void twoConcurrentAppliesOneAppliesTheOtherExitsFourNamingTheHolder() throws Exception {
        try (ConfigRepo repo = repoWithOneTable("LeaseOrders")) {
            // The first run is held inside its CreateTable (after it took the lease) until the second has given up.
            CountDownLatch creating = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);
            try (DynamoDbClients held = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                    .withInterceptor(new PauseOnCreate("LeaseOrders", creating, secondDone)))) {
                CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new Reconciler(new ManifestLoader(), held).run(apply(repo));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(creating.await(60, TimeUnit.SECONDS)).as("the first run reached CreateTable").isTrue();
                if (AwsCli.find().isPresent()) { // the lease item as a client we do not control reads it off the wire
                    JsonNode item = new AwsCli(endpoint.endpoint(), temp).json("dynamodb", "get-item", "--table-name",
                            LOCKS, "--consistent-read", "--key",
                            "{\"key\":{\"S\":\"" + RunLeases.key(repo.url(), "main") + "\"}}").path("Item");
                    assertThat(item.path("leaseDuration").path("S").asText()).isEqualTo("60000");
                    assertThat(item.path("ownerName").path("S").asText()).matches("[^/]+/[0-9a-f-]{36}");
                    assertThat(item.path("recordVersionNumber").path("S").asText()).isNotEmpty();
                }

                Cli second = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                        "--lock-wait", "0");
                secondDone.countDown();

                assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(4);
                assertThat(second.err()).matches("(?s)error: another run holds the lease on .*config#main#lock: held by "
                        + "[^,]+, run [0-9a-f-]{36}, since 20\\d\\d-.*Z\\s*");
                RunResult result = first.get(60, TimeUnit.SECONDS);
                assertThat(result.exitCode()).isZero();
                assertThat(result.report().summary().created()).isEqualTo(1);
                assertThat(repo.log()).as("the run that found the lease held marks no badge failed")
                        .noneMatch(m -> m.contains("run failed"));
            }
            assertThat(dynamo.listTables().tableNames()).containsExactlyInAnyOrder("LeaseOrders", LOCKS);
            assertThat(dynamo.scan(r -> r.tableName(LOCKS)).items()).as("the lease is released").isEmpty();
            assertThat(dynamo.describeTable(r -> r.tableName(LOCKS)).table().billingModeSummary().billingMode())
                    .isEqualTo(BillingMode.PAY_PER_REQUEST);
        }
    }

    @Test
    void aKilledRunsLeaseIsTakenOverOnceItExpires() throws Exception {
        try (ConfigRepo repo = repoWithOneTable("StaleOrders")) {
            String key = RunLeases.key(repo.url(), "main");
            // A run that took the lease (2 s) and died: no heartbeat, never released.
            holdWithoutHeartbeat(key, new LeaseHolder("killed-host", "run-1", Instant.parse("2026-12-01T09:00:00Z")),
                    Duration.ofSeconds(2));

            Cli impatient = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                    "--lock-wait", "0");
            assertThat(impatient.exit()).as(impatient.out() + impatient.err()).isEqualTo(4);
            assertThat(impatient.err()).contains("held by killed-host, run run-1, since 2026-12-01T09:00:00Z");
            assertThat(dynamo.listTables().tableNames()).doesNotContain("StaleOrders");

            long start = System.nanoTime();
            Cli patient = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                    "--lock-wait", "PT30S");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(patient.exit()).as(patient.out() + patient.err()).isZero();
            assertThat(waited).as("taken over only after the dead lease's 2 s").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(dynamo.listTables().tableNames()).contains("StaleOrders");
            assertThat(dynamo.scan(r -> r.tableName(LOCKS)).items()).as("released after the run").isEmpty();
        }
    }

    @Test
    void theWaitForTheLeaseEndsAtTheRunsDeadline() throws Exception {
        try (ConfigRepo repo = repoWithOneTable("DeadlineOrders")) {
            // another run holds the lease for a minute; this one may wait 5 minutes, but has only 3 s in all
            holdWithoutHeartbeat(RunLeases.key(repo.url(), "main"),
                    new LeaseHolder("busy-host", "run-2", Instant.parse("2026-12-01T10:00:00Z")), Duration.ofMinutes(1));
            long start = System.nanoTime();

            Cli bounded = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                    "--lock-wait", "PT5M", "--timeout", "3");

            assertThat(bounded.exit()).as(bounded.out() + bounded.err()).isEqualTo(4);
            assertThat(bounded.err()).contains("held by busy-host, run run-2, since 2026-12-01T10:00:00Z");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopped by --timeout, not by --lock-wait or "
                    + "a takeover after the holder's minute").isLessThan(Duration.ofSeconds(55));
            assertThat(dynamo.listTables().tableNames()).doesNotContain("DeadlineOrders");
        }
    }

    @Test
    void theLeaseCarriesTheRunIdOfTheRunsLogLines() throws Exception {
        try (ConfigRepo repo = repoWithOneTable("LoggedOrders")) {
            String key = RunLeases.key(repo.url(), "main");
            String[] holder = new String[1];
            ExecutionInterceptor peek = new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if ("CreateTable".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                            && context.request().toString().contains("LoggedOrders")) {
                        holder[0] = dynamo.getItem(r -> r.tableName(LOCKS).key(Map.of("key",
                                AttributeValue.fromS(key)))).item().get("data").b().asUtf8String();
                    }
                }
            };
            try (DynamoDbClients watched = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(peek));
                 org.slf4j.MDC.MDCCloseable runId = org.slf4j.MDC.putCloseable("run_id", "3f1c2d4e-0000-4000-8000-00000000abcd")) {
                new Reconciler(new ManifestLoader(), watched).run(apply(repo));
            }
            assertThat(holder[0]).contains("\"run_id\":\"3f1c2d4e-0000-4000-8000-00000000abcd\"");
        }
    }

    @Test
    void planWithoutPushTakesNoLeaseAndPlanWithPushCreatesTheLockTable() throws Exception {
        try (ConfigRepo repo = repoWithOneTable("PlanOrders")) {
            RecordingTables recorder = new RecordingTables();
            try (DynamoDbClients recorded = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                    .withInterceptor(recorder))) {
                RunResult plan = new Reconciler(new ManifestLoader(), recorded).run(request(repo, RunRequest.Mode.PLAN, false));
                assertThat(plan.exitCode()).isEqualTo(2);
                // the table is absent from the region's listing (read once since --parallelism), so none is named
                assertThat(recorder.operations).as("the run read the region").contains("ListTables")
                        .doesNotContain("CreateTable", "PutItem", "DeleteItem");
                assertThat(recorder.tables).doesNotContain(LOCKS);
                assertThat(dynamo.listTables().tableNames()).doesNotContain(LOCKS);

                RunResult pushed = new Reconciler(new ManifestLoader(), recorded).run(request(repo, RunRequest.Mode.PLAN, true));
                assertThat(pushed.published()).isPresent();
                assertThat(recorder.operations).contains("CreateTable", "PutItem", "DeleteItem");
                assertThat(pushed.report().unmanaged()).as("the lock table is ours, not an undeclared table")
                        .noneMatch(u -> u.table().equals(LOCKS));
            }
            assertThat(dynamo.listTables().tableNames()).containsExactly(LOCKS);
            assertThat(dynamo.scan(r -> r.tableName(LOCKS)).items()).isEmpty();
        }
    }

    @Test
    void theLeaseNamesItsHolderWhileTheRunWorks() throws Exception {
        try (ConfigRepo repo = repoWithOneTable("WatchedOrders")) {
            Map<String, AttributeValue>[] seen = new Map[1];
            ExecutionInterceptor peek = new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    if ("CreateTable".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                            && seen[0] == null && context.request().toString().contains("WatchedOrders")) {
                        seen[0] = dynamo.scan(r -> r.tableName(LOCKS)).items().get(0);
                    }
                }
            };
            try (DynamoDbClients watched = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(peek))) {
                new Reconciler(new ManifestLoader(), watched).run(apply(repo));
            }
            assertThat(seen[0].get("key").s()).isEqualTo(RunLeases.key(repo.url(), "main")).endsWith("#main#lock")
                    .doesNotContain("@");
            assertThat(seen[0].get("leaseDuration").s()).isEqualTo("60000");
            assertThat(seen[0].get("data").b().asUtf8String()).contains("\"host\":", "\"run_id\":", "\"since\":");
        }
    }

    @Test
    void anUnshardedApplyWhileAShardHoldsItsLeaseExitsFourNamingTheShardsHolder() throws Exception {
        try (ConfigRepo repo = repoWithTables(3)) {
            holdWithoutHeartbeat(RunLeases.key(repo.url(), "main", new Shard(0, 3)),
                    new LeaseHolder("shard-host", "run-0", Instant.parse("2026-12-01T11:00:00Z")), Duration.ofMinutes(1));

            Cli whole = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                    "--lock-wait", "0");

            assertThat(whole.exit()).as(whole.out() + whole.err()).isEqualTo(4);
            assertThat(whole.err()).contains("another run holds the lease on ")
                    .contains("#main#lock-0-of-3: held by shard-host, run run-0, since 2026-12-01T11:00:00Z");
            assertThat(dynamo.listTables().tableNames()).containsExactly(LOCKS);
            assertThat(dynamo.scan(r -> r.tableName(LOCKS)).items()).as("only the shard's lease; the gate is released")
                    .singleElement().satisfies(i -> assertThat(i.get("key").s()).endsWith("#lock-0-of-3"));
        }
    }

    /**
     * Shard 0/3 is held inside a CreateTable: its sibling 1/3 runs to the end meanwhile, while shard 0/2 and an
     * unsharded run are turned away naming shard 0/3's holder.
     */
    @Test
    void shardsOfOneCountWorkSideBySideWhileAnotherCountAndAnUnshardedRunAreTurnedAway() throws Exception {
        try (ConfigRepo repo = repoWithTables(9)) {
            String held = tables(9).stream().filter(t -> Shard.of(new TableId("us-east-1", t), 3) == 0).findFirst()
                    .orElseThrow();
            assertThat(tables(9)).anyMatch(t -> Shard.of(new TableId("us-east-1", t), 3) == 1);
            CountDownLatch creating = new CountDownLatch(1);
            CountDownLatch othersDone = new CountDownLatch(1);
            try (DynamoDbClients paused = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                    .withInterceptor(new PauseOnCreate(held, creating, othersDone)))) {
                CompletableFuture<RunResult> zero = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new Reconciler(new ManifestLoader(), paused).run(apply(repo), new Shard(0, 3));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(creating.await(60, TimeUnit.SECONDS)).as("shard 0/3 reached CreateTable").isTrue();

                Cli sibling = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                        "--shard", "1/3", "--lock-wait", "0");
                Cli otherCount = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                        "--shard", "0/2", "--lock-wait", "0");
                Cli whole = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                        "--lock-wait", "0");
                othersDone.countDown();

                assertThat(sibling.exit()).as("1/3 ran while 0/3 worked: " + sibling.out() + sibling.err()).isZero();
                for (Cli refused : List.of(otherCount, whole)) {
                    assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(4);
                    assertThat(refused.err()).matches("(?s)error: another run holds the lease on .*#main#lock-0-of-3: "
                            + "held by [^,]+, run [0-9a-f-]{36}, since 20\\d\\d-.*Z\\s*");
                }
                assertThat(zero.get(60, TimeUnit.SECONDS).exitCode()).isZero();
            }
            assertThat(dynamo.listTables().tableNames()).as("shard 0/2 and the unsharded run created nothing")
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(tables(9).stream()
                            .filter(t -> Shard.of(new TableId("us-east-1", t), 3) < 2), java.util.stream.Stream.of(LOCKS))
                            .toList());
            assertThat(dynamo.scan(r -> r.tableName(LOCKS)).items()).isEmpty();
        }
    }

    /**
     * Shard 0/2 and shard 0/3 start at the same moment, each willing to wait: both get in, one after the other; no
     * call of one falls between the first and the last call of the other.
     */
    @Test
    void twoStartersOfDifferentShardCountsTakeTurns() throws Exception {
        try (ConfigRepo repo = repoWithTables(6)) {
            CallTimes two = new CallTimes();
            CallTimes three = new CallTimes();
            CountDownLatch go = new CountDownLatch(1);
            try (DynamoDbClients twoClients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                    .withInterceptor(two));
                 DynamoDbClients threeClients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                         .withInterceptor(three))) {
                createLockTable(); // both find it there, so they meet at the gate rather than at CreateTable
                CompletableFuture<RunResult> ofTwo = startAfter(go, twoClients, repo, new Shard(0, 2));
                CompletableFuture<RunResult> ofThree = startAfter(go, threeClients, repo, new Shard(0, 3));
                go.countDown();

                assertThat(ofTwo.get(3, TimeUnit.MINUTES).exitCode()).isZero();
                assertThat(ofThree.get(3, TimeUnit.MINUTES).exitCode()).isZero();
            }
            assertThat(two.times).isNotEmpty();
            assertThat(three.times).isNotEmpty();
            boolean twoFirst = two.first().isBefore(three.first());
            if (twoFirst) {
                assertThat(two.last()).as("shard 0/2 finished before 0/3 began").isBefore(three.first());
            } else {
                assertThat(three.last()).as("shard 0/3 finished before 0/2 began").isBefore(two.first());
            }
        }
    }

    @Test
    void aKilledShardsLeaseIsTakenOverByARunOfAnotherCount() throws Exception {
        try (ConfigRepo repo = repoWithTables(3)) {
            holdWithoutHeartbeat(RunLeases.key(repo.url(), "main", new Shard(2, 3)),
                    new LeaseHolder("killed-host", "run-3", Instant.parse("2026-12-01T09:00:00Z")), Duration.ofSeconds(2));
            long start = System.nanoTime();

            Cli whole = cli("apply", "--endpoint-url", endpoint.endpoint().toString(), "--repo", repo.url(),
                    "--lock-wait", "PT30S");

            assertThat(whole.exit()).as(whole.out() + whole.err()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("only after the dead lease's 2 s")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(dynamo.listTables().tableNames()).containsAll(tables(3));
            assertThat(dynamo.scan(r -> r.tableName(LOCKS)).items()).as("the dead shard's lease is gone too").isEmpty();
        }
    }

    private CompletableFuture<RunResult> startAfter(CountDownLatch go, DynamoDbClients clients, ConfigRepo repo,
                                                    Shard shard) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                return new Reconciler(new ManifestLoader(), clients).run(apply(repo), shard);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** When a run's clients sent each call that is not about the lock table: the span of its work on tables. */
    private static final class CallTimes implements ExecutionInterceptor {
        final List<Instant> times = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (!context.request().getValueForField("TableName", String.class).orElse("").equals(LOCKS)) {
                times.add(Instant.now());
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            beforeExecution(context, attributes);
        }

        Instant first() {
            return times.stream().min(Instant::compareTo).orElseThrow();
        }

        Instant last() {
            return times.stream().max(Instant::compareTo).orElseThrow();
        }
    }

    private static List<String> tables(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "Fleet" + i).toList();
    }

    private ConfigRepo repoWithTables(int count) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String table : tables(count)) {
            files.put("manifests/" + table + ".yaml", Manifests.table(table.toLowerCase(), "us-east-1", table, 5, 5,
                    false));
        }
        return ConfigRepo.create(temp.resolve("fleet")).commit("Tables", files);
    }

    /** A lease taken by a run that never renews it (a killed run, or one between heartbeats). */
    private void holdWithoutHeartbeat(String key, LeaseHolder holder, Duration lease) throws InterruptedException {
        createLockTable();
        AmazonDynamoDBLockClient other = new AmazonDynamoDBLockClient(AmazonDynamoDBLockClientOptions
                .builder(dynamo, LOCKS).withOwnerName(holder.host() + "/" + holder.runId())
                .withTimeUnit(TimeUnit.MILLISECONDS).withLeaseDuration(lease.toMillis())
                .withHeartbeatPeriod(lease.toMillis() / 4).withCreateHeartbeatBackgroundThread(false).build());
        other.acquireLock(AcquireLockOptions.builder(key).withData(ByteBuffer.wrap(holder.toBytes()))
                .withTimeUnit(TimeUnit.MILLISECONDS).build());
    }

    private void createLockTable() {
        if (!dynamo.listTables().tableNames().contains(LOCKS)) {
            dynamo.createTable(r -> r.tableName(LOCKS).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("key").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("key").attributeType("S")));
        }
    }

    private ConfigRepo repoWithOneTable(String table) throws Exception {
        return ConfigRepo.create(temp.resolve(table)).commit("One table", Map.of(
                "manifests/t.yaml", Manifests.table("t", "us-east-1", table, 5, 5, false)));
    }

    private static RunRequest apply(ConfigRepo repo) {
        return request(repo, RunRequest.Mode.APPLY, false);
    }

    private static RunRequest request(ConfigRepo repo, RunRequest.Mode mode, boolean push) {
        return new RunRequest(mode, repo.url(), Optional.empty(), push, Optional.empty(), Instant.now(),
                GitAuth.none(), CommitAuthor.defaults());
    }

    private record Cli(int exit, String out, String err) {}

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** Holds the CreateTable of one table until told to go on. */
    private record PauseOnCreate(String table, CountDownLatch reached, CountDownLatch proceed)
            implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if ("CreateTable".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                    && context.request().toString().contains("TableName=" + table)) {
                reached.countDown();
                try {
                    proceed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Which tables and operations a run's calls named. */
    private static final class RecordingTables implements ExecutionInterceptor {
        final List<String> tables = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> operations = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            context.request().getValueForField("TableName", String.class).ifPresent(tables::add);
        }
    }
}
