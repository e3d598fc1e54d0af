package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.WitnessStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until a table, all its indexes, replicas and witness are ACTIVE, because DynamoDB accepts one UpdateTable per table at a
 * time; and until a deleted table is gone. Both on the SDK's waiters (the generated {@link DynamoDbWaiter} only checks
 * the table's own status, so "settled" is a waiter of our own acceptors). Bounded by the wait timeout and the run's
 * deadline; logs progress every 30 seconds and gives up with a clear error.
 */
public final class TableWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(TableWaiter.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    private static final Waiter<DescribeTableResponse> SETTLED = Waiter.builder(DescribeTableResponse.class)
            .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(r -> isSettled(r.table())))
            .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(r -> true))
            .build();

    private final Duration timeout;
    private final Duration pollInterval;
    private final Deadline deadline;

    public TableWaiter(Duration timeout, Duration pollInterval) {
        this(timeout, pollInterval, Deadline.none());
    }

    public TableWaiter(Duration timeout, Duration pollInterval, Deadline deadline) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.deadline = deadline;
    }

    public TableDescription awaitActive(DynamoDbClient client, TableId id) {
        Instant start = Instant.now();
        // the first line says at once what is being waited for
        AtomicReference<Instant> nextProgress = new AtomicReference<>(start);
        AtomicReference<TableDescription> last = new AtomicReference<>();
        try {
            return SETTLED.run(() -> {
                TableDescription table = describe(client, id)
                        .orElse(TableDescription.builder().tableStatus("UNKNOWN").build());
                last.set(table);
                Instant now = Instant.now();
                if (now.isAfter(nextProgress.get()) && !isSettled(table)) {
                    LOG.info("{}: waiting for {} after {}s (limit {}s)", id, busy(table),
                            Duration.between(start, now).toSeconds(), timeout.toSeconds());
                    nextProgress.set(now.plus(PROGRESS_EVERY));
                }
                return DescribeTableResponse.builder().table(table).build();
            }, config()).matched().response().orElseThrow().table();
        } catch (SdkClientException e) {
            throw unwrap(e, id + " is still " + (last.get() == null ? "unknown" : last.get().tableStatusAsString())
                    + " after " + Duration.between(start, Instant.now()).toSeconds() + "s; gave up waiting for ACTIVE");
        }
    }

    /** Whether the table exists right now (one DescribeTable, no waiting). */
    public boolean exists(DynamoDbClient client, TableId id) {
        try {
            client.describeTable(r -> r.tableName(id.tableName()));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            return false;
        }
    }

    /** Whether the table and all its indexes and replicas are ACTIVE right now (one DescribeTable, no waiting). */
    public boolean isSettled(DynamoDbClient client, TableId id) {
        return describe(client, id).map(TableWaiter::isSettled).orElse(false);
    }

    /** Whether a description a call already returned (CreateTable's, UpdateTable's) shows the table settled. */
    static boolean settled(TableDescription table) {
        return table != null && isSettled(table);
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
        Instant start = Instant.now();
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).overrideConfiguration(config()).build()) {
            waiter.waitUntilTableNotExists(r -> r.tableName(id.tableName()));
        } catch (SdkClientException e) {
            throw unwrap(e, id + " still exists " + Duration.between(start, Instant.now()).toSeconds()
                    + "s after DeleteTable");
        }
    }

    private WaiterOverrideConfiguration config() {
        return WaiterOverrideConfiguration.builder()
                .waitTimeout(max(deadline.cap(timeout), Duration.ofMillis(1)))
                .maxAttempts(Integer.MAX_VALUE)
                .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                .build();
    }

    /** A call inside the wait failed: that failure, as the SDK reported it. Otherwise the wait ran out of time. */
    private RuntimeException unwrap(SdkClientException e, String timedOut) {
        if (e.getCause() instanceof SdkException cause) {
            return cause;
        }
        if (e.getMessage() != null && e.getMessage().contains("exceeded the max wait time")) {
            String limit = deadline.cap(timeout).equals(timeout) ? "limit " + Durations.format(timeout)
                    : deadline.describe();
            return new TableWaitTimeoutException(timedOut + " (" + limit + ")");
        }
        return e;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
        table.globalTableWitnesses().stream().filter(w -> w.witnessStatus() != WitnessStatus.ACTIVE)
                .forEach(w -> parts.add("witness " + w.regionName() + " " + w.witnessStatusAsString()));
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
        // the witness of a strongly consistent table (GlobalTableWitnesses) settles like a replica
        boolean witnessesActive = table.globalTableWitnesses().stream()
                .allMatch(w -> w.witnessStatus() == null || w.witnessStatus() == WitnessStatus.ACTIVE);
        return indexesActive && replicasActive && witnessesActive;
    }

    /** The table did not settle in time. */
    public static final class TableWaitTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TableWaitTimeoutException(String message) {
            super(message);
        }
    }
}
