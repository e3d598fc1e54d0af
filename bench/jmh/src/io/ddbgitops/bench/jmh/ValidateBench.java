package io.ddbgitops.bench.jmh;

import io.ddbgitops.cli.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.TimeUnit;

/**
 * `validate` of a directory of manifests (made by bench/java/FleetGen.java), through the CLI's own entry point so
 * that the benchmark follows whatever the command does (loading, schema and semantic checks, the policy).
 * One operation validates every manifest in the directory; manifests per second = count / (seconds per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidateBench {
    @Param("")
    public String dir;

    @Benchmark
    public int validate() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        int code = Main.run(none, none, "validate", "--quiet", "--repo", dir);
        if (code != 0) {
            throw new IllegalStateException("validate exited " + code + " on " + dir);
        }
        return code;
    }
}
