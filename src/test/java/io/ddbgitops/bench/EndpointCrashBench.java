package io.ddbgitops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * kill -9 of the local endpoint at random moments while a client writes through it. Each trial: start
 * {@code local-endpoint --data-dir D} as its own process (or reuse the one the last trial restarted), drive
 * PutItem, BatchWriteItem, CreateTable with tags, TagResource and CreateBackup from four threads, SIGKILL the
 * process after a random 0.5-5 s, start it again on D, and check item by item that every acknowledged write is
 * there, that every table (acknowledged or not) carries the tags it was created with, and that every acknowledged
 * backup is AVAILABLE. Run with {@code bench/endpoint-crash.sh [trials] [seed]}; not part of {@code mvn verify}.
 */
public final class EndpointCrashBench {
    private static final String OWNER_KEY = "ddb-gitops/owner";
    private static final List<String> ITEM_TABLES = List.of("crash-items", "crash-items-pitr");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path dataDir;
    private final Path log;
    private final Random random;
    private final Map<String, Map<String, AttributeValue>> ackedItems = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> ackedTags = new ConcurrentHashMap<>();
    private final List<String> ackedBackups = java.util.Collections.synchronizedList(new ArrayList<>());
    private long ackedWrites;

    private EndpointCrashBench(Path work, long seed) {
        this.dataDir = work.resolve("data");
        this.log = work.resolve("endpoint.log");
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        Path work = Files.createTempDirectory("endpoint-crash-bench");
        try {
            System.exit(new EndpointCrashBench(work, seed).run(trials, seed));
        } finally {
            deleteTree(work);
        }
    }

    private int run(int trials, long seed) throws Exception {
        Endpoint endpoint = Endpoint.start(dataDir, log);
        try (DynamoDbClient client = client(endpoint.uri())) {
            setUp(client);
        }
        int lostItems = 0;
        int tablesMissingTags = 0;
        int backupsMissing = 0;
        for (int trial = 1; trial <= trials; trial++) {
            long killAfter = 500 + random.nextInt(4_500);
            long writesBefore = ackedWrites;
            try (DynamoDbClient client = client(endpoint.uri())) {
                drive(client, trial, killAfter, endpoint);
            }
            endpoint = Endpoint.start(dataDir, log);
            try (DynamoDbClient client = client(endpoint.uri())) {
                Check check = check(client);
                System.out.printf("trial %2d: killed after %4d ms, %5d writes acknowledged; so far lost items %d,"
                        + " tables missing tags %d, backups missing %d%n", trial, killAfter, ackedWrites - writesBefore,
                        check.lostItems(), check.tablesMissingTags(), check.backupsMissing());
                lostItems = check.lostItems();
                tablesMissingTags = check.tablesMissingTags();
                backupsMissing = check.backupsMissing();
            }
        }
        endpoint.kill();
        System.out.printf("%nseed %d%ntrials (kill -9 of the endpoint, restart on the same --data-dir): %d%n", seed,
                trials);
        System.out.printf("acknowledged writes: %d (items %d, tables created with tags %d, backups %d)%n",
                ackedWrites, ackedItems.size(), ackedTags.size(), ackedBackups.size());
        System.out.printf("items lost: %d%ntables missing tags: %d%nbackups missing: %d%n", lostItems,
                tablesMissingTags, backupsMissing);
        long recovered;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            recovered = lines.filter(l -> l.contains("Finished creating table")).count();
        }
        System.out.printf("kills between CreateTable and the saving of its tags, finished from the journal: %d%n",
                recovered);
        System.out.println("state loaded after every kill: yes");
        return lostItems + tablesMissingTags + backupsMissing == 0 ? 0 : 1;
    }

    private void setUp(DynamoDbClient client) {
        for (String table : ITEM_TABLES) {
            client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .tags(Tag.builder().key(OWNER_KEY).value("bench/" + table).build()));
            ackedTags.put(table, Map.of(OWNER_KEY, "bench/" + table));
        }
        client.updateContinuousBackups(r -> r.tableName("crash-items-pitr")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    }

    /** Four writers until the kill; a write counts once its answer arrived. */
    private void drive(DynamoDbClient client, int trial, long killAfterMillis, Endpoint endpoint)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = List.of(
                writer(stop, n -> putItem(client, ITEM_TABLES.get(n % 2), "t" + trial + "-p-" + n)),
                writer(stop, n -> batchWrite(client, ITEM_TABLES.get(n % 2), "t" + trial + "-b-" + n)),
                writer(stop, n -> createTable(client, "crash-t" + trial + "-" + n, trial)),
                writer(stop, n -> tagOrBackUp(client, trial, n)));
        writers.forEach(Thread::start);
        Thread.sleep(killAfterMillis);
        endpoint.kill();
        stop.set(true);
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    private interface Write {
        void run(int n);
    }

    private static Thread writer(AtomicBoolean stop, Write write) {
        return new Thread(() -> {
            for (int n = 0; !stop.get(); n++) {
                try {
                    write.run(n);
                } catch (RuntimeException e) {
                    // not acknowledged: the endpoint is gone or going
                }
            }
        });
    }

    private void putItem(DynamoDbClient client, String table, String key) {
        Map<String, AttributeValue> item = item(key);
        client.putItem(r -> r.tableName(table).item(item));
        acked(table, item);
    }

    private void batchWrite(DynamoDbClient client, String table, String prefix) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(prefix + "-" + i)).build())
                    .build());
        }
        BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of(table, writes)));
        List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
        writes.stream().filter(w -> !unprocessed.contains(w)).forEach(w -> acked(table, w.putRequest().item()));
    }

    private void createTable(DynamoDbClient client, String table, int trial) {
        Map<String, String> tags = Map.of(OWNER_KEY, "bench/" + table, "trial", Integer.toString(trial));
        client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()));
        ackedTags.put(table, new ConcurrentHashMap<>(tags));
        count();
    }

    /** Odd turns tag a table this trial created, even turns back up an item table. */
    private void tagOrBackUp(DynamoDbClient client, int trial, int n) {
        if (n % 2 == 1) {
            List<String> created = ackedTags.keySet().stream().filter(t -> t.startsWith("crash-t" + trial + "-"))
                    .sorted().toList();
            if (created.isEmpty()) {
                return;
            }
            String table = created.get(n % created.size());
            String arn = client.describeTable(r -> r.tableName(table)).table().tableArn();
            client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("tagged-" + n).value("v").build()));
            ackedTags.get(table).put("tagged-" + n, "v");
        } else {
            String table = ITEM_TABLES.get(n / 2 % 2);
            String arn = client.createBackup(r -> r.tableName(table).backupName("crash-" + trial + "-" + n))
                    .backupDetails().backupArn();
            ackedBackups.add(arn);
        }
        count();
    }

    private void acked(String table, Map<String, AttributeValue> item) {
        ackedItems.put(table + "/" + item.get("pk").s(), item);
        count();
    }

    private synchronized void count() {
        ackedWrites++;
    }

    private record Check(int lostItems, int tablesMissingTags, int backupsMissing) {}

    /** Everything acknowledged so far, item by item; every bench table must carry its owner tag. */
    private Check check(DynamoDbClient client) {
        int lost = 0;
        for (String table : ITEM_TABLES) {
            List<Map<String, AttributeValue>> expected = ackedItems.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(table + "/")).map(Map.Entry::getValue).toList();
            Map<String, Map<String, AttributeValue>> found = read(client, table, expected);
            lost += (int) expected.stream().filter(item -> !item.equals(found.get(item.get("pk").s()))).count();
        }
        int missingTags = 0;
        List<String> listed = client.listTablesPaginator().tableNames().stream().toList();
        for (String table : listed) {
            if (!table.startsWith("crash-")) {
                continue;
            }
            String arn = client.describeTable(r -> r.tableName(table)).table().tableArn();
            Map<String, String> tags = new HashMap<>();
            client.listTagsOfResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
            Map<String, String> expected = ackedTags.getOrDefault(table, Map.of(OWNER_KEY, "bench/" + table));
            if (!tags.entrySet().containsAll(expected.entrySet())) {
                missingTags++;
                System.out.printf("  table %s has tags %s, expected at least %s%n", table, tags, expected);
            }
        }
        missingTags += (int) ackedTags.keySet().stream()
                .filter(t -> !listed.contains(t)).count();
        int backupsMissing = 0;
        for (String arn : List.copyOf(ackedBackups)) {
            if (client.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupStatus()
                    != BackupStatus.AVAILABLE) {
                backupsMissing++;
            }
        }
        return new Check(lost, missingTags, backupsMissing);
    }

    private static Map<String, Map<String, AttributeValue>> read(DynamoDbClient client, String table,
            List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int from = 0; from < items.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = items.subList(from, Math.min(items.size(), from + 100)).stream()
                    .map(item -> Map.of("pk", item.get("pk"))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = client.batchGetItem(r -> r.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(i -> found.put(i.get("pk").s(), i));
                request = response.unprocessedKeys();
            }
        }
        return found;
    }

    private static Map<String, AttributeValue> item(String key) {
        return Map.of("pk", AttributeValue.fromS(key), "payload", AttributeValue.fromS("v-" + key));
    }

    /** One attempt and a short deadline: a write the endpoint did not answer is simply not acknowledged. */
    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "x")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** The endpoint as a child process: started from this JVM's class path, killed with SIGKILL. */
    private record Endpoint(Process process, URI uri) {
        static Endpoint start(Path dataDir, Path log) throws IOException, InterruptedException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "io.ddbgitops.cli.Main", "local-endpoint", "--port", "0", "--data-dir", dataDir.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process is gone
                }
            });
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline && (process.isAlive() || !lines.isEmpty())) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                seen.add(line);
                int at = line.indexOf("http://127.0.0.1:");
                if (line.startsWith("local endpoint: ") && at > 0) {
                    return new Endpoint(process, URI.create(line.substring(at).split(" ")[0]));
                }
            }
            boolean alive = process.isAlive();
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The endpoint did not start on " + dataDir + " (alive: " + alive
                    + ", exit " + process.exitValue() + ", stdout " + seen + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
