package io.ddbgitops.reconcile;

import io.ddbgitops.concurrent.Pools;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per table on a bounded pool of {@code parallelism} threads (platform threads: Java 17 has no virtual
 * ones), so that a table's own reads and updates stay in order while tables run side by side. Results come back in
 * the order of the input, whatever order the tasks finish in, so the report is the same at any parallelism. Each task
 * runs with the submitting thread's MDC (the run id), and progress is told once per table as it finishes, counted
 * 1..N without gaps. With a parallelism of 1 the tasks run on the calling thread, as before.
 */
final class TableRuns {
    private final int parallelism;
    private final Progress progress;

    TableRuns(int parallelism, Progress progress) {
        this.parallelism = parallelism;
        this.progress = progress;
    }

    /** What a task tells progress: the table ({@code region/name}) and its status when done. */
    interface Named {
        String table();

        String status();
    }

    <T, R extends Named> List<R> each(List<T> items, Function<T, R> task) {
        AtomicInteger done = new AtomicInteger();
        int total = items.size();
        if (parallelism == 1 || total <= 1) {
            List<R> results = new ArrayList<>();
            for (T item : items) {
                results.add(timed(item, task, done, total));
            }
            return results;
        }
        Map<String, String> context = MDC.getCopyOfContextMap();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, total),
                Pools.daemons("ddb-gitops-table-"));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> withContext(context, () -> timed(item, task, done, total))));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(Pools.await(future, "tables were being reconciled"));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private <T, R extends Named> R timed(T item, Function<T, R> task, AtomicInteger done, int total) {
        long started = System.nanoTime();
        R result = task.apply(item);
        // one line at a time, numbered in the order tables finish
        synchronized (progress) {
            progress.table(done.incrementAndGet(), total, result.table(), result.status(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        return result;
    }

    private static <R> R withContext(Map<String, String> context, java.util.function.Supplier<R> task) {
        if (context != null) {
            MDC.setContextMap(context);
        }
        try {
            return task.get();
        } finally {
            MDC.clear();
        }
    }
}
