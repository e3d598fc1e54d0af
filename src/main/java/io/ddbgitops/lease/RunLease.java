package io.ddbgitops.lease;

import com.amazonaws.services.dynamodbv2.AcquireLockOptions;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;
import com.amazonaws.services.dynamodbv2.LockItem;
import com.amazonaws.services.dynamodbv2.model.LockCurrentlyUnavailableException;
import com.amazonaws.services.dynamodbv2.model.LockNotGrantedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
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
     * Takes the lease {@code key} in {@code table} (created when missing), waiting up to {@code timing.maxWait()} while
     * another run holds it. {@code runClient} is bound to the run's deadline, so finding or creating the table on an
     * endpoint that never answers ends with the run's {@code --timeout}. The lock client itself gets {@code
     * leaseClient}, which must not be: its heartbeat keeps the lease while the report is pushed after the deadline,
     * and its release must still be sent then.
     *
     * @throws LeaseHeldException when another run still holds it after the wait
     */
    public static RunLease take(DynamoDbClient runClient, DynamoDbClient leaseClient, String table, String key,
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
            LockItem lock = acquire(lockClient, key, me, timing);
            LOG.info("took the lease {} in {} ({})", key, table, me.describe());
            return new RunLease(lockClient, lock);
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(lockClient);
            throw e;
        }
    }

    /**
     * Asks without blocking and polls until the deadline: the lock client's own blocking wait lasts at least a whole
     * lease duration, so a wait shorter than that (or 0, "do not wait") could not be honoured with it. Between
     * polls the lock client remembers the holder's record version, and takes over once it stayed unchanged for the
     * holder's lease duration.
     */
    private static LockItem acquire(AmazonDynamoDBLockClient lockClient, String key, LeaseHolder me,
                                    LeaseTiming timing) throws InterruptedException {
        AcquireLockOptions options = AcquireLockOptions.builder(key)
                .withData(ByteBuffer.wrap(me.toBytes()))
                .withReplaceData(true)
                .withDeleteLockOnRelease(true)
                .withShouldSkipBlockingWait(true)
                .withAdditionalTimeToWaitForLock(0L)
                .withRefreshPeriod(0L)
                .withTimeUnit(TimeUnit.MILLISECONDS)
                .build();
        Instant deadline = Instant.now().plus(timing.maxWait());
        boolean logged = false;
        while (true) {
            try {
                return lockClient.acquireLock(options);
            } catch (LockCurrentlyUnavailableException | LockNotGrantedException held) {
                if (!Instant.now().isBefore(deadline)) {
                    throw heldBy(lockClient, key);
                }
                if (!logged) {
                    LOG.info("waiting up to {} for the lease {}: {}", timing.maxWait(), key,
                            heldBy(lockClient, key).getMessage());
                    logged = true;
                }
                Duration left = Duration.between(Instant.now(), deadline);
                Thread.sleep(Math.max(1, Math.min(timing.poll().toMillis(), left.toMillis())));
            }
        }
    }

    private static LeaseHeldException heldBy(AmazonDynamoDBLockClient lockClient, String key) {
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
