package io.ddbgitops.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes; the logging ones are applied by {@link Main} before the command runs. */
final class CommonOptions {
    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stacktrace;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "Log lines on stderr as text (default) or one JSON object per line.")
    String logFormat;

    @Option(names = "--verbose", description = "Log debug detail as well.")
    boolean verbose;

    @Option(names = "--quiet", description = "Log warnings and errors only.")
    boolean quiet;

    @Option(names = "--no-color", description = "No ANSI colour, even on a terminal (NO_COLOR in the environment does the same).")
    boolean noColor;
}
