package io.ddbgitops.cli;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The pre-flight probe run on its own thread, beside the clone: it needs nothing from git, and most of its time is
 * the AWS SDK's first client and first call, which the run pays for anyway. The run waits for it ({@link #await()})
 * before it says or reads anything, and its failure wins over any the run met meanwhile, so what is printed is what
 * a probe run first printed.
 */
final class BackgroundPreflight {
    private final CompletableFuture<Void> probe = new CompletableFuture<>();

    private BackgroundPreflight() {
    }

    static BackgroundPreflight start(Runnable preflight) {
        BackgroundPreflight started = new BackgroundPreflight();
        Thread thread = new Thread(() -> {
            try {
                preflight.run();
                started.probe.complete(null);
            } catch (Throwable e) {
                started.probe.completeExceptionally(e);
            }
        }, "ddb-gitops-preflight");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** Returns once the probe passed; throws what it failed with. */
    void await() {
        try {
            probe.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The probe's failure, waiting for it to end; empty when it passed. */
    Optional<RuntimeException> failure() {
        try {
            await();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }
}
