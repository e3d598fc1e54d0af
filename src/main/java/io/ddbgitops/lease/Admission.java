package io.ddbgitops.lease;

import com.amazonaws.services.dynamodbv2.AcquireLockOptions;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.LockItem;
import com.amazonaws.services.dynamodbv2.model.LockCurrentlyUnavailableException;
import com.amazonaws.services.dynamodbv2.model.LockNotGrantedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How a run gets its lease so that runs of different shard counts never overlap, while the shards of one count run
 * side by side. Every step is one of the lock client's non-blocking {@code acquireLock} calls, except one read:
 * <ol>
 *   <li>take the gate ({@link LeaseKeys#gate()}), an ordinary lock held for a few calls;</li>
 *   <li>under it, read which run leases of this repository and branch exist (a strongly consistent Scan of the lock
 *       table; the lock client's own {@code getAllLocksFromDynamoDB} scans eventually consistently, which could miss
 *       a lease taken just before); for each of another shard count, ask the lock client for it: a live holder keeps
 *       it (this run waits), a dead one's is taken over after its lease duration unchanged, as for the run's own, and
 *       released at once;</li>
 *   <li>still under the gate, take the run's own lease;</li>
 *   <li>release the gate.</li>
 * </ol>
 * Run leases are only ever taken under the gate, and a run leaves the gate holding its lease; so the run that looks
 * second sees the first one's lease, and two starters of different counts cannot both get in. Nothing is waited for
 * while the gate is held (every call skips the lock client's blocking wait), so no run holds one lock while waiting for
 * another: there is no deadlock. A run killed inside the gate leaves it to be taken over like any dead lease.
 */
final class Admission {
    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
    /** The gate is held for a few calls; a run that finds it taken looks again after a short, random pause. */
    private static final int GATE_PAUSE_MIN_MS = 20;
    private static final int GATE_PAUSE_MAX_MS = 200;

    private final AmazonDynamoDBLockClient lockClient;
    private final DynamoDbClient reader;
    private final String table;
    private final LeaseKeys keys;
    private final LeaseHolder me;
    private final LeaseTiming timing;

    Admission(AmazonDynamoDBLockClient lockClient, DynamoDbClient reader, String table, LeaseKeys keys, LeaseHolder me,
              LeaseTiming timing) {
        this.lockClient = lockClient;
        this.reader = reader;
        this.table = table;
        this.keys = keys;
        this.me = me;
        this.timing = timing;
    }

    /**
     * The run's own lease, once no run of another shard count holds one and no run of this shard does.
     *
     * @throws LeaseHeldException naming the holder that still blocks when {@code timing.maxWait()} is over (for the
     *                            gate alone, {@code timing.gateWait()})
     */
    LockItem admit() throws InterruptedException {
        Instant start = Instant.now();
        Instant waitEnd = start.plus(timing.maxWait());
        Instant gateEnd = start.plus(timing.gateWait());
        boolean logged = false;
        while (true) {
            Optional<LockItem> gate = tryAcquire(keys.gate());
            if (gate.isEmpty()) {
                if (!Instant.now().isBefore(gateEnd)) {
                    throw RunLease.heldBy(lockClient, keys.gate());
                }
                pause(ThreadLocalRandom.current().nextInt(GATE_PAUSE_MIN_MS, GATE_PAUSE_MAX_MS), gateEnd);
                continue;
            }
            String blocker;
            try {
                Optional<String> otherCount = otherShardCount();
                if (otherCount.isEmpty()) {
                    Optional<LockItem> own = tryAcquire(keys.own());
                    if (own.isPresent()) {
                        return own.get();
                    }
                }
                blocker = otherCount.orElse(keys.own());
            } finally {
                release(gate.get());
            }
            if (!Instant.now().isBefore(waitEnd)) {
                throw RunLease.heldBy(lockClient, blocker);
            }
            if (!logged) {
                LOG.info("waiting up to {} for the lease {}: {}", timing.maxWait(), keys.own(),
                        RunLease.heldBy(lockClient, blocker).getMessage());
                logged = true;
            }
            pause(timing.poll().toMillis(), waitEnd);
        }
    }

    /** A run lease of another shard count that a live run holds; dead runs' are taken over and released on the way. */
    private Optional<String> otherShardCount() throws InterruptedException {
        for (String key : runLeases()) {
            if (!keys.excludes(key)) {
                continue;
            }
            Optional<LockItem> dead = tryAcquire(key);
            if (dead.isEmpty()) {
                return Optional.of(key);
            }
            LOG.info("the lease {} was left by a run that stopped (or just ended); taken over and released", key);
            release(dead.get());
        }
        return Optional.empty();
    }

    /** The keys of this repository and branch's run leases in the lock table, read strongly consistently. */
    private List<String> runLeases() {
        List<String> found = new ArrayList<>();
        Map<String, AttributeValue> from = Map.of();
        do {
            Map<String, AttributeValue> start = from;
            ScanResponse page = reader.scan(r -> r.tableName(table).consistentRead(true)
                    .projectionExpression("#k").filterExpression("begins_with(#k, :prefix)")
                    .expressionAttributeNames(Map.of("#k", LockTable.KEY))
                    .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(keys.prefix())))
                    .exclusiveStartKey(start.isEmpty() ? null : start));
            page.items().forEach(item -> found.add(item.get(LockTable.KEY).s()));
            from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
        } while (!from.isEmpty());
        return found;
    }

    /**
     * The lock {@code key} if nobody holds it, or its holder has been seen unchanged for its lease duration by this
     * lock client (which remembers record versions between calls); empty while a live run holds it.
     */
    private Optional<LockItem> tryAcquire(String key) throws InterruptedException {
        try {
            return Optional.of(lockClient.acquireLock(AcquireLockOptions.builder(key)
                    .withData(ByteBuffer.wrap(me.toBytes()))
                    .withReplaceData(true)
                    .withDeleteLockOnRelease(true)
                    .withShouldSkipBlockingWait(true)
                    .withAdditionalTimeToWaitForLock(0L)
                    .withRefreshPeriod(0L)
                    .withTimeUnit(TimeUnit.MILLISECONDS)
                    .build()));
        } catch (LockCurrentlyUnavailableException | LockNotGrantedException held) {
            return Optional.empty();
        }
    }

    /** A lock this run took for a moment; one that cannot be released lapses after its lease duration. */
    private void release(LockItem lock) {
        try {
            lockClient.releaseLock(lock);
        } catch (SdkException e) {
            LOG.warn("could not release {}; it lapses {} after its last heartbeat: {}", lock.getPartitionKey(),
                    Duration.ofMillis(lock.getLeaseDuration()), e.getMessage());
        }
    }

    private static void pause(long millis, Instant end) throws InterruptedException {
        long left = Duration.between(Instant.now(), end).toMillis();
        Thread.sleep(Math.max(1, Math.min(millis, left)));
    }
}
