package io.ddbgitops.lease;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;
import com.amazonaws.services.dynamodbv2.LockItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A run's lease, taken with AWS's DynamoDB lock client and renewed by its background heartbeat until
 * {@link #close()} releases it (and deletes the item). A run that dies leaves the item behind; the next run takes
 * it over once it has seen it unchanged for the holder's lease duration.
 */
public final class RunLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);

    private final AmazonDynamoDBLockClient lockClient;
    private final LockItem lock;

    private RunLease(AmazonDynamoDBLockClient lockClient, LockItem lock) {
        this.lockClient = lockClient;
        this.lock = lock;
    }

    /**
     * Takes this run's lease ({@code keys.own()}) in {@code table} (created when missing), waiting up to {@code
     * timing.maxWait()} while another run of the same shard, or any run of another shard count, holds one ({@link
     * Admission}). {@code runClient} is bound to the run's deadline, so finding or creating the table on an endpoint
     * that never answers ends with the run's {@code --timeout}. The lock client itself, and the look for other runs'
     * leases, get {@code leaseClient}, which must not be: its heartbeat keeps the lease while the report is pushed
     * after the deadline, and its release must still be sent then; the wait itself ends at {@code timing}'s limits,
     * which the caller caps at the deadline. Both clients reach the same account and region.
     *
     * @throws LeaseHeldException when another run still holds it after the wait
     */
    public static RunLease take(DynamoDbClient runClient, DynamoDbClient leaseClient, String table, LeaseKeys keys,
                                LeaseHolder me, LeaseTiming timing) throws InterruptedException {
        LockTable.ensure(runClient, table);
        AmazonDynamoDBLockClient lockClient = new AmazonDynamoDBLockClient(
                AmazonDynamoDBLockClientOptions.builder(leaseClient, table)
                        .withOwnerName(me.ownerName())
                        .withTimeUnit(TimeUnit.MILLISECONDS)
                        .withLeaseDuration(timing.lease().toMillis())
                        .withHeartbeatPeriod(timing.heartbeat().toMillis())
                        .withCreateHeartbeatBackgroundThread(true)
                        .build());
        try {
            LockItem lock = new Admission(lockClient, leaseClient, table, keys, me, timing).admit();
            LOG.info("took the lease {} in {} ({})", keys.own(), table, me.describe());
            return new RunLease(lockClient, lock);
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(lockClient);
            throw e;
        }
    }

    /** Who holds {@code key} now, as the exception a run that gives up on it throws. */
    static LeaseHeldException heldBy(AmazonDynamoDBLockClient lockClient, String key) {
        Optional<LockItem> item = lockClient.getLock(key, Optional.empty());
        Optional<LeaseHolder> holder = item.flatMap(LockItem::getData).flatMap(data -> {
            byte[] bytes = new byte[data.remaining()];
            data.duplicate().get(bytes);
            return LeaseHolder.parse(bytes);
        });
        return new LeaseHeldException(key, holder, item.map(LockItem::getOwnerName).orElse("another run (just released)"));
    }

    /** False once the heartbeat could not renew the lease in time (another run may have taken it over). */
    public boolean isHeld() {
        return !lock.isExpired();
    }

    /**
     * Releases the lease (deleting the item) and stops the heartbeat. A release that fails is logged, not thrown: the
     * run's own outcome stands, and the lease lapses by itself once its duration passes unrenewed.
     */
    @Override
    public void close() {
        try {
            lockClient.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not release the lease {}; it lapses {} after the last heartbeat: {}",
                    lock.getPartitionKey(), Duration.ofMillis(lock.getLeaseDuration()), e.getMessage());
        }
    }

    private static void closeQuietly(AmazonDynamoDBLockClient lockClient) {
        try {
            lockClient.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not close the lock client: {}", e.getMessage());
        }
    }
}
