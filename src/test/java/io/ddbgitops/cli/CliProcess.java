package io.ddbgitops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as cron or a container runs it: from the test class path or from the
 * shaded jar. Its java.io.tmpdir is a directory of its own ({@link #tmp()}), so a test can see every temporary
 * file it leaves; its environment has no GIT_* or AWS_* variables except those given.
 */
public final class CliProcess {
    /** How the JVM is started. */
    public enum Launch { CLASSES, SHADED_JAR }

    private final Process process;
    private final Path tmp;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path tmp, Path out, Path err) {
        this.process = process;
        this.tmp = tmp;
        this.out = out;
        this.err = err;
    }

    /** The jar {@code mvn package} builds; Failsafe runs after it, so integration tests find it. */
    public static Path shadedJar() {
        Path jar = Path.of("target", "ddb-gitops.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No shaded jar at " + jar + ": run the integration tests with mvn verify");
        }
        return jar;
    }

    /** Starts {@code args} with its own temp, stdout and stderr under {@code workDir}. */
    public static CliProcess start(Launch launch, Path workDir, Map<String, String> env, List<String> args) throws IOException {
        return start(launch, workDir, workDir.resolve("tmp"), env, args);
    }

    /** Starts {@code args} with stdout and stderr under {@code workDir} and {@code tmp} as its java.io.tmpdir. */
    public static CliProcess start(Launch launch, Path workDir, Path tmp, Map<String, String> env, List<String> args)
            throws IOException {
        return start(launch, workDir, tmp, env, List.of(), args);
    }

    /** As above, with extra JVM options (a trust store, say) before the main class. */
    public static CliProcess start(Launch launch, Path workDir, Path tmp, Map<String, String> env, List<String> jvmArgs,
                                   List<String> args) throws IOException {
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp));
        command.addAll(jvmArgs);
        if (launch == Launch.SHADED_JAR) {
            command.addAll(List.of("-jar", shadedJar().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT_") || name.startsWith("AWS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return new CliProcess(process, tmp, workDir.resolve("stdout.txt"), workDir.resolve("stderr.txt"));
    }

    /** Waits for the exit code; a process still running after {@code timeout} is killed and fails the test. */
    public int waitFor(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The command line did not finish within " + timeout + "\n" + out() + err());
        }
        return process.exitValue();
    }

    public Process process() {
        return process;
    }

    public Path tmp() {
        return tmp;
    }

    public String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    public String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Every byte it printed, stdout and stderr. */
    public byte[] printed() throws IOException {
        byte[] o = Files.readAllBytes(out);
        byte[] e = Files.readAllBytes(err);
        byte[] all = new byte[o.length + e.length];
        System.arraycopy(o, 0, all, 0, o.length);
        System.arraycopy(e, 0, all, o.length, e.length);
        return all;
    }
}
