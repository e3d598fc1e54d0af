package io.ddbgitops.manifest;

import io.ddbgitops.concurrent.Pools;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps items on a few threads and hands each result to a consumer in the items' order, on the calling thread, with
 * at most a small window of items in flight. So work that is the same for every item (parsing and validating one
 * manifest file) uses every core, while what depends on order (counting against a limit, claiming table names)
 * stays sequential and gives the same answer as a loop; and memory holds a window of results, never all of them.
 * With one core, or few items, it is that loop.
 */
final class InOrder {
    /** Threads beyond a few only add contention: the consumer and the shared source are sequential. */
    private static final int MAX_THREADS = 4;
    private static final int WINDOW_PER_THREAD = 4;

    private final int threads;

    InOrder() {
        this(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    InOrder(int threads) {
        this.threads = Math.max(1, threads);
    }

    <T, R> void each(List<T> items, Function<T, R> work, Consumer<R> consumer) {
        if (threads == 1 || items.size() < 2 * threads) {
            items.forEach(item -> consumer.accept(work.apply(item)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Pools.daemons("ddb-gitops-manifests-"));
        try {
            Deque<Future<R>> window = new ArrayDeque<>();
            for (T item : items) {
                if (window.size() >= threads * WINDOW_PER_THREAD) {
                    consumer.accept(Pools.await(window.removeFirst(), "manifests were being read"));
                }
                window.addLast(pool.submit(() -> work.apply(item)));
            }
            while (!window.isEmpty()) {
                consumer.accept(Pools.await(window.removeFirst(), "manifests were being read"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
