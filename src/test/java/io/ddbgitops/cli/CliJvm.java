package io.ddbgitops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One command line in its own JVM, as an operator runs it: process-wide state (the log backend's configuration,
 * System.err) is its own, and stdout and stderr are kept apart.
 */
record CliJvm(int exit, String out, String err) {
    static CliJvm run(Path workDir, String... args) throws Exception {
        List<String> command = command(args);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("did not finish: " + command + "\n" + Files.readString(err));
        }
        return new CliJvm(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A command line for {@link ProcessBuilder} that starts {@link Main} on the test class path. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
