package io.ddbgitops.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Milliseconds per named case over interleaved rounds, printed as min/median/max and as ratios to a baseline. */
final class Timings {
    private final Map<String, List<Double>> byCase = new LinkedHashMap<>();

    void add(String name, long nanos) {
        byCase.computeIfAbsent(name, n -> new ArrayList<>()).add(nanos / 1e6);
    }

    double median(String name) {
        List<Double> sorted = byCase.get(name).stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One row per case: min, median and max in ms, and each as a ratio to the baseline's median. */
    void print(String title, String baseline) {
        double base = median(baseline);
        System.out.printf(Locale.ROOT, "%n%s (ratio = case / %s median %.0f ms)%n", title, baseline, base);
        System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s   %6s %6s %6s%n", "case", "min ms", "median", "max",
                "min×", "med×", "max×");
        byCase.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            double min = sorted.get(0);
            double max = sorted.get(sorted.size() - 1);
            double median = median(name);
            System.out.printf(Locale.ROOT, "%-44s %8.0f %8.0f %8.0f   %6.2f %6.2f %6.2f%n", name, min, median, max,
                    min / base, median / base, max / base);
        });
    }

    /** Starts {@code command} with stdout and stderr discarded (a log file when asked). */
    static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Start to exit of {@code command}, failing on a non-zero exit. */
    static long untilExit(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = start(command, env, null);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
        return System.nanoTime() - started;
    }

    /** Stops a measured run: SIGTERM, so its shutdown hook removes its temporary clone, then waits for it. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Removes a bench's work folder, unless -Dkeep=true asks to keep it for a look at the logs. */
    static void cleanUp(Path work) throws IOException {
        if (Boolean.getBoolean("keep")) {
            System.out.println("kept: " + work);
            return;
        }
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(work)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
