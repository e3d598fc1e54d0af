package io.ddbgitops;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waits in tests for what can be observed, never a fixed time: looks again every {@link #INTERVAL} until the condition
 * holds, and fails with the last value seen (and what else helps to read the failure) once the timeout passes.
 */
public final class Poll {
    public static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {}

    /** Something to look at, which may fail (an HTTP call, a file read). */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    /** The first value of {@code probe} that {@code done} accepts. */
    public static <T> T until(Duration timeout, Probe<T> probe, Predicate<? super T> done, Probe<String> context)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still not there after " + timeout + "; last seen:\n" + value + "\n"
                        + describe(context));
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /** Until {@code condition} holds. */
    public static void until(Duration timeout, Probe<Boolean> condition, Probe<String> context) throws Exception {
        until(timeout, condition, Boolean::booleanValue, context);
    }

    private static String describe(Probe<String> context) {
        try {
            return context.get();
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }
}
