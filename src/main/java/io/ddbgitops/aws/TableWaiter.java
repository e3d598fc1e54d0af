package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a table, all its indexes and replicas are ACTIVE, because DynamoDB accepts one UpdateTable per table at a
 * time. Bounded: logs progress every 30 seconds and gives up with a clear error at the timeout.
 */
public final class TableWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(TableWaiter.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Duration pollInterval;

    public TableWaiter(Duration timeout, Duration pollInterval) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    public TableDescription awaitActive(DynamoDbClient client, TableId id) {
        Instant start = Instant.now();
        Instant nextProgress = start; // the first line says at once what is being waited for
        while (true) {
            Optional<TableDescription> read = describe(client, id);
            if (read.isPresent() && isSettled(read.get())) {
                return read.get();
            }
            TableDescription table = read.orElse(TableDescription.builder().tableStatus("UNKNOWN").build());
            Instant now = Instant.now();
            Duration waited = Duration.between(start, now);
            if (waited.compareTo(timeout) >= 0) {
                throw new TableWaitTimeoutException(id + " is still " + table.tableStatusAsString() + " after "
                        + waited.toSeconds() + "s; gave up waiting for ACTIVE (limit " + timeout.toSeconds() + "s)");
            }
            if (now.isAfter(nextProgress)) {
                LOG.info("{}: waiting for {} after {}s (limit {}s)", id, busy(table), waited.toSeconds(),
                        timeout.toSeconds());
                nextProgress = now.plus(PROGRESS_EVERY);
            }
            pause();
        }
    }

    /** Whether the table and all its indexes and replicas are ACTIVE right now (one DescribeTable, no waiting). */
    public boolean isSettled(DynamoDbClient client, TableId id) {
        return describe(client, id).map(TableWaiter::isSettled).orElse(false);
    }

    /**
     * One DescribeTable; empty when the service answered with a server error even after the SDK's retries. A table
     * in the middle of long work can briefly do so (DynamoDB Local does while it adds an index); the caller polls on.
     */
    private static Optional<TableDescription> describe(DynamoDbClient client, TableId id) {
        try {
            return Optional.of(client.describeTable(r -> r.tableName(id.tableName())).table());
        } catch (software.amazon.awssdk.core.exception.SdkServiceException e) {
            if (e.statusCode() < 500) {
                throw e;
            }
            LOG.info("{}: DescribeTable answered {} ({}); polling on", id, e.statusCode(), AwsErrors.describe(e));
            return Optional.empty();
        }
    }

    /** Waits until DescribeTable no longer finds the table (after DeleteTable). */
    public void awaitGone(DynamoDbClient client, TableId id) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                client.describeTable(r -> r.tableName(id.tableName()));
            } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TableWaitTimeoutException(id + " still exists " + timeout.toSeconds() + "s after DeleteTable");
            }
            pause();
        }
    }

    /** What is not ACTIVE yet, for progress lines: "table UPDATING, index byCustomer CREATING". */
    static String busy(TableDescription table) {
        List<String> parts = new ArrayList<>();
        if (table.tableStatus() != TableStatus.ACTIVE) {
            parts.add("table " + table.tableStatusAsString());
        }
        table.globalSecondaryIndexes().stream().filter(g -> g.indexStatus() != IndexStatus.ACTIVE)
                .forEach(g -> parts.add("index " + g.indexName() + " " + g.indexStatusAsString()
                        + (Boolean.TRUE.equals(g.backfilling()) ? " (backfilling)" : "")));
        table.replicas().stream().filter(r -> r.replicaStatus() != null && r.replicaStatus() != ReplicaStatus.ACTIVE)
                .forEach(r -> parts.add("replica " + r.regionName() + " " + r.replicaStatusAsString()));
        return parts.isEmpty() ? "ACTIVE" : String.join(", ", parts);
    }

    private static boolean isSettled(TableDescription table) {
        if (table.tableStatus() != TableStatus.ACTIVE) {
            return false;
        }
        boolean indexesActive = table.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexStatus)
                .allMatch(s -> s == IndexStatus.ACTIVE);
        boolean replicasActive = table.replicas().stream()
                .allMatch(r -> r.replicaStatus() == null || r.replicaStatus() == ReplicaStatus.ACTIVE);
        return indexesActive && replicasActive;
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a table", e);
        }
    }

    /** The table did not settle in time. */
    public static final class TableWaitTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TableWaitTimeoutException(String message) {
            super(message);
        }
    }
}
