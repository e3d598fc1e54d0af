package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link InOrder}: results reach the consumer in the items' order, on the calling thread, whatever order the workers
 * finish in; no more than a window is in flight; a worker's failure is the caller's.
 */
class InOrderTest {
    private final List<Integer> items = IntStream.range(0, 200).boxed().toList();

    @Test
    void handsResultsOverInTheItemsOrderOnTheCallingThread() {
        List<Integer> seen = new ArrayList<>();
        Set<String> workers = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        new InOrder(4).each(items, i -> {
            workers.add(Thread.currentThread().getName());
            // later items finish first: item 0 does the most work
            busy(200 - i);
            return i * 10;
        }, result -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(result);
        });

        assertThat(seen).isEqualTo(items.stream().map(i -> i * 10).toList());
        assertThat(workers).allMatch(name -> name.startsWith("ddb-gitops-manifests-")).hasSizeGreaterThan(1);
    }

    @Test
    void keepsAtMostAWindowOfItemsInFlight() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        new InOrder(2).each(items, i -> {
            mostAhead.accumulateAndGet(started.incrementAndGet() - consumed.get(), Math::max);
            return i;
        }, result -> consumed.incrementAndGet());

        assertThat(consumed).hasValue(items.size());
        // two threads, four items each, and the one being handed over
        assertThat(mostAhead.get()).isBetween(1, 2 * 4 + 1);
    }

    @Test
    void oneThreadOrFewItemsIsAPlainLoopOnTheCallingThread() {
        List<String> threads = new ArrayList<>();
        new InOrder(1).each(items, i -> Thread.currentThread().getName(), threads::add);
        new InOrder(4).each(List.of(1, 2, 3), i -> Thread.currentThread().getName(), threads::add);

        assertThat(threads).hasSize(items.size() + 3).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aWorkersFailureReachesTheCaller() {
        assertThatThrownBy(() -> new InOrder(4).each(items, i -> {
            if (i == 57) {
                throw new IllegalArgumentException("item 57");
            }
            return i;
        }, result -> { })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 57");
    }

    private static void busy(int rounds) {
        long x = 0;
        for (int i = 0; i < rounds * 1000; i++) {
            x += Long.numberOfTrailingZeros(i ^ x);
        }
        if (x == 42) {
            Thread.onSpinWait();
        }
    }
}
