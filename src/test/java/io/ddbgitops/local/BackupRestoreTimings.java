package io.ddbgitops.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A one-off timing, not a test: N items (default 10,000) loaded with BatchWriteItem into a table with PITR off and
 * one with PITR on, then CreateBackup, RestoreTableFromBackup and RestoreTableToPointInTime of the PITR table, each
 * checked to hold every item. Run from the project root:
 * {@code mvn -B -q -DskipTests test-compile && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=/tmp/cp.txt && java -cp "target/test-classes:target/classes:$(cat /tmp/cp.txt)"
 * io.ddbgitops.local.BackupRestoreTimings 10000}
 */
public final class BackupRestoreTimings {
    private BackupRestoreTimings() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.empty());
                DynamoDbClient client = Clients.client(endpoint)) {
            client.createTable(Clients.simpleTable("timing-plain").build());
            client.createTable(Clients.simpleTable("timing-pitr").build());
            client.updateContinuousBackups(r -> r.tableName("timing-pitr")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
            report("load, PITR off", () -> load(client, "timing-plain", items));
            report("load, PITR on", () -> load(client, "timing-pitr", items));
            String[] backup = new String[1];
            report("CreateBackup", () -> backup[0] = client.createBackup(r -> r.tableName("timing-pitr")
                    .backupName("timing")).backupDetails().backupArn());
            report("RestoreTableFromBackup", () -> client.restoreTableFromBackup(r -> r.backupArn(backup[0])
                    .targetTableName("timing-from-backup")));
            report("RestoreTableToPointInTime", () -> client.restoreTableToPointInTime(r -> r
                    .sourceTableName("timing-pitr").targetTableName("timing-to-point").useLatestRestorableTime(true)));
            for (String table : List.of("timing-from-backup", "timing-to-point")) {
                long count = client.scanPaginator(r -> r.tableName(table).select("COUNT")).stream()
                        .mapToLong(ScanResponse::count).sum();
                if (count != items) {
                    throw new IllegalStateException(table + " holds " + count + " items, expected " + items);
                }
            }
        }
    }

    private static void report(String step, Runnable action) {
        long start = System.nanoTime();
        action.run();
        System.out.printf("%-26s %6d ms%n", step, (System.nanoTime() - start) / 1_000_000);
    }

    private static void load(DynamoDbClient client, String table, int items) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            var item = Clients.item(i);
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
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
}
