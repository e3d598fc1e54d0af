package io.ddbgitops.bench;

import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestLimits;
import io.ddbgitops.manifest.ManifestLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How long the loader takes to refuse hostile files, as a ratio against loading one plain manifest in the same
 * run: a 50 MB single scalar (the input that took 20 minutes before the size check), and the worst files that
 * pass every pre-parse limit (1 MiB of long-line block scalar or of flow scalars, 1,000 documents). Median of
 * a few rounds. Run with {@code bench/hostile-input.sh [rounds]}; not part of {@code mvn verify}.
 */
public final class HostileInputBench {
    private static final String MANIFEST = "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n  name: orders\n"
            + "spec:\n  region: us-east-1\n  tablename: Orders\n  pri_key_attributename: id\n"
            + "  pri_key_attributetype: S\n";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ManifestLoader loader = new ManifestLoader();
        int line = ManifestLimits.DEFAULT.lineChars() - 16;
        int lines = (int) (ManifestLimits.DEFAULT.fileBytes() / (line + 8)) - 1;
        Map<String, Consumer<Path>> cases = new LinkedHashMap<>();
        cases.put("baseline: one manifest", dir -> { });
        cases.put("50 MB single scalar", dir -> write(dir.resolve("scalar.yaml"),
                "value: " + "x".repeat(50 * 1024 * 1024)));
        cases.put("1 MiB block scalar of 32K lines", dir -> write(dir.resolve("block.yaml"),
                "value: |\n" + ("  " + "x".repeat(line) + "\n").repeat(lines)));
        cases.put("1 MiB quoted multi-line scalar", dir -> write(dir.resolve("quoted.yaml"),
                "value: \"" + ("x".repeat(line) + "\n").repeat(lines) + "\"\n"));
        cases.put("1,000 manifests in one file", dir -> write(dir.resolve("documents.yaml"), String.join("---\n",
                java.util.stream.IntStream.range(0, 999).mapToObj(i -> MANIFEST.replace("Orders", "Table" + i)).toList())));
        cases.put("1,000 claims of one table", dir -> write(dir.resolve("claims.yaml"), (MANIFEST + "---\n").repeat(999)));
        long baseline = 0;
        for (Map.Entry<String, Consumer<Path>> entry : cases.entrySet()) {
            long[] nanos = new long[rounds];
            String outcome = "";
            for (int round = 0; round < rounds; round++) {
                Path dir = Files.createTempDirectory("hostile-bench");
                try {
                    write(dir.resolve("orders.yaml"), MANIFEST);
                    entry.getValue().accept(dir);
                    long start = System.nanoTime();
                    LoadResult result = loader.load(dir);
                    nanos[round] = System.nanoTime() - start;
                    outcome = result.errors().isEmpty() ? result.manifests().size() + " manifest(s)"
                            : result.errors().get(0).message();
                } finally {
                    delete(dir);
                }
            }
            Arrays.sort(nanos);
            long median = nanos[rounds / 2];
            if (baseline == 0) {
                baseline = median;
            }
            System.out.printf("%-34s %8.1f ms  %7.1f x baseline  (%s)%n", entry.getKey(), median / 1e6,
                    (double) median / baseline, outcome.length() > 90 ? outcome.substring(0, 90) + "..." : outcome);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
