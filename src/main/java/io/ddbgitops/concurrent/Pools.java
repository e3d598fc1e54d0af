package io.ddbgitops.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the run's small worker pools (manifests read side by side, tables reconciled side by side) share: named daemon
 * threads, so a pool left behind never keeps the JVM alive, and waiting for a task so that its own exception comes out
 * as it was thrown, not wrapped.
 */
public final class Pools {
    private Pools() {}

    /** Daemon threads named {@code prefix1}, {@code prefix2}, … */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The task's result; its RuntimeException or Error is rethrown unchanged. {@code doing} completes "interrupted
     * while …" when this thread is interrupted (its interrupt flag is kept).
     */
    public static <R> R await(Future<R> future, String doing) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
