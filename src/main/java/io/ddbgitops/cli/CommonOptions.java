package io.ddbgitops.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {
    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stacktrace;

    @Option(names = "--no-color", description = "No ANSI colour, even on a terminal (NO_COLOR in the environment does the same).")
    boolean noColor;
}
