package io.ddbgitops.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Never more table operations in flight per account and region than DynamoDB allows. AWS's quota: up to 500
 * simultaneous table operations per account (CreateTable, UpdateTable, DeleteTable, UpdateTimeToLive,
 * RestoreTableFromBackup, RestoreTableToPointInTime), and up to 250 of them creating a table with secondary indexes;
 * each quota applies per region. Sources:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html and
 * https://docs.aws.amazon.com/botocore/latest/reference/services/dynamodb/client/exceptions/LimitExceededException.html
 * (both checked 2026-12-01). A call we wait out (the table ACTIVE again) holds its slot until then; work we start and
 * leave running (an index backfill) keeps its slot for the rest of the run, since it stays in flight on AWS's side.
 * Such work may only take a slot that leaves one for every table task, so waiting operations never starve; when none
 * is left the work waits for the next run instead of meeting {@code LimitExceededException}.
 *
 * <p>One instance per run (it lives with the run's clients); another process's operations on the same account are
 * not seen here, and AWS's {@code LimitExceededException} remains the backstop (reported blocked, never retried).
 */
public final class ControlPlaneSlots {
    public static final int TABLE_OPERATIONS = 500;
    public static final int CREATES_WITH_INDEXES = 250;

    private final int operations;
    private final int createsWithIndexes;
    private final int reserved;
    private final Map<Placement, Limits> byPlacement = new ConcurrentHashMap<>();

    public ControlPlaneSlots() {
        this(TABLE_OPERATIONS, CREATES_WITH_INDEXES, Concurrency.MAX_PARALLELISM);
    }

    /** {@code reserved} slots are kept for operations that are waited out, one per possible table task. */
    ControlPlaneSlots(int operations, int createsWithIndexes, int reserved) {
        this.operations = operations;
        this.createsWithIndexes = createsWithIndexes;
        this.reserved = reserved;
    }

    /** A slot for an operation that is waited out; blocks until one is free. Close it when the table is ACTIVE. */
    public Slot acquire(Placement placement, boolean createWithIndexes) {
        Limits limits = limits(placement);
        acquire(limits.operations);
        if (createWithIndexes) {
            try {
                acquire(limits.createsWithIndexes);
            } catch (RuntimeException e) {
                limits.operations.release();
                throw e;
            }
        }
        return () -> {
            if (createWithIndexes) {
                limits.createsWithIndexes.release();
            }
            limits.operations.release();
        };
    }

    /**
     * A slot for work left running after the call; held for the rest of the run. False when taking it would leave
     * fewer than the reserved slots for operations that are waited out.
     */
    public boolean tryAcquireLeftRunning(Placement placement) {
        Semaphore free = limits(placement).operations;
        synchronized (free) {
            if (free.availablePermits() <= reserved) {
                return false;
            }
            return free.tryAcquire();
        }
    }

    /** Gives back a slot taken for work left running that finished at once (or failed to start). */
    public void releaseLeftRunning(Placement placement) {
        limits(placement).operations.release();
    }

    /** Operations in flight (as counted here) in this account and region. */
    public int inFlight(Placement placement) {
        return operations - limits(placement).operations.availablePermits();
    }

    private Limits limits(Placement placement) {
        return byPlacement.computeIfAbsent(placement, p -> new Limits(new Semaphore(operations, true),
                new Semaphore(createsWithIndexes, true)));
    }

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a control-plane slot", e);
        }
    }

    private record Limits(Semaphore operations, Semaphore createsWithIndexes) {}

    /** A held slot; closing it gives it back. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
