package io.ddbgitops.cli;

import io.ddbgitops.git.Redaction;
import picocli.CommandLine;

/**
 * Errors become one line on stderr and exit code 1; the stack trace only with {@code --stacktrace}. Whatever the
 * error, URLs in it lose their user-info and query values (where tokens travel).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = Redaction.stripCredentials(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        cli.getErr().println("error: " + message);
        if (parsed.hasMatchedOption("--stacktrace")) {
            ex.printStackTrace(cli.getErr());
        }
        return 1;
    }
}
