package io.ddbgitops.bench;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.BackupApplier;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.aws.TableRestorer;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.TableId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backup and restore of N items (default 10,000) through the local endpoint, each as a ratio against a baseline
 * measured in the same run on the same endpoint: a backup against a paginated Scan of the table (both read every
 * item), a restore against a BatchWriteItem load of the items (both write every item). Point-in-time recovery is
 * measured the same way: the load into a table with PITR on (the endpoint records every write) against the plain
 * load, and a restore to the latest restorable time against the plain load. Median of a few rounds.
 * Run with {@code bench/backup-restore.sh [items] [rounds]}; not part of {@code mvn verify}.
 */
public final class BackupRestoreBench {
    private static final String SOURCE = "BenchSource";

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
             DynamoDbClients clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()))) {
            DynamoDbClient client = clients.forRegion("us-east-1");
            BackupApplier backups = new BackupApplier(clients);
            TableRestorer restorer = new TableRestorer(Duration.ofMinutes(10));
            long[] load = new long[rounds];
            long[] scan = new long[rounds];
            long[] backup = new long[rounds];
            long[] restore = new long[rounds];
            long[] pitrLoad = new long[rounds];
            long[] pitrRestore = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                String source = SOURCE + round;
                createTable(client, source);
                load[round] = time(() -> load(client, source, items));
                scan[round] = time(() -> check(scan(client, source), items, "scan"));
                String[] arn = new String[1];
                backup[round] = time(() -> arn[0] = backups.safetyBackup(client, new TableId("us-east-1", source),
                        "bench", Instant.now()));
                String target = "BenchRestored" + round;
                restore[round] = time(() -> restorer.restore(client, new TableId("us-east-1", target),
                        new RestoreSpec.FromBackup(arn[0]), Optional.empty(), step -> { }));
                check(scan(client, target), items, "restored table");

                String pitrSource = "BenchPitr" + round;
                createTable(client, pitrSource);
                client.updateContinuousBackups(r -> r.tableName(pitrSource)
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
                pitrLoad[round] = time(() -> load(client, pitrSource, items));
                String pitrTarget = "BenchPitrRestored" + round;
                pitrRestore[round] = time(() -> restorer.restore(client, new TableId("us-east-1", pitrTarget),
                        new RestoreSpec.FromPointInTime(pitrSource, Optional.empty()), Optional.empty(), step -> { }));
                check(scan(client, pitrTarget), items, "table restored to a point in time");
            }
            System.out.printf("items: %d, rounds: %d (median ms)%n", items, rounds);
            System.out.printf("baseline BatchWriteItem load: %6d ms%n", median(load));
            System.out.printf("baseline paginated Scan:      %6d ms%n", median(scan));
            System.out.printf("backup (CreateBackup until AVAILABLE):        %6d ms = %.2fx the Scan%n",
                    median(backup), (double) median(backup) / median(scan));
            System.out.printf("restore (RestoreTableFromBackup until ACTIVE): %6d ms = %.2fx the load%n",
                    median(restore), (double) median(restore) / median(load));
            System.out.printf("load with PITR on (every write recorded):     %6d ms = %.2fx the load%n",
                    median(pitrLoad), (double) median(pitrLoad) / median(load));
            System.out.printf("restore to a point in time (latest) until ACTIVE: %6d ms = %.2fx the load%n",
                    median(pitrRestore), (double) median(pitrRestore) / median(load));
        }
    }

    private static void createTable(DynamoDbClient client, String table) {
        client.createTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
    }

    private static void load(DynamoDbClient client, String table, int items) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("item-" + i),
                    "n", AttributeValue.fromN(Integer.toString(i)), "payload", AttributeValue.fromS("x".repeat(100)));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == items - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                }
                batch.clear();
            }
        }
    }

    private static long scan(DynamoDbClient client, String table) {
        return client.scanPaginator(r -> r.tableName(table)).items().stream().count();
    }

    private static void check(long count, int expected, String what) {
        if (count != expected) {
            throw new IllegalStateException(what + " holds " + count + " items, expected " + expected);
        }
    }

    private static long time(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
