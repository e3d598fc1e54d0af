package io.ddbgitops.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/ddb-gitops.jar} (Failsafe runs after {@code package}) in a JVM of its own, as a user or the image
 * runs it, with its working directory and {@code java.io.tmpdir} given, so a test sees every file it leaves.
 */
final class ShadedJar {
    static final Path JAR = Path.of("target/ddb-gitops.jar").toAbsolutePath();

    private ShadedJar() {
    }

    static Process start(Path workDir, Path tmpDir, Path log, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests with mvn verify");
        }
        List<String> command = new ArrayList<>(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return java(command, workDir, tmpDir, log);
    }

    /** {@code java} of this JVM with {@code arguments}, nothing of ours on its class path unless they add it. */
    static Process java(List<String> arguments, Path workDir, Path tmpDir, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmpDir));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("GIT_"));
        builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
        // The native library's cache goes beside the temp directory, so a test sees both and removes both.
        builder.environment().put("XDG_CACHE_HOME", tmpDir.resolveSibling(tmpDir.getFileName() + "-cache").toString());
        return builder.start();
    }
}
