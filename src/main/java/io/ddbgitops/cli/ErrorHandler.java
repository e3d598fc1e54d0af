package io.ddbgitops.cli;

import io.ddbgitops.git.Redaction;
import io.ddbgitops.lease.LeaseHeldException;
import picocli.CommandLine;

/**
 * Errors become one line on stderr and exit code 1 (4 when another run holds the lease); the stack trace only with
 * {@code --stacktrace}. Whatever the error, URLs in it lose their user-info and query values (where tokens travel).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int LEASE_HELD = 4;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = Redaction.stripCredentials(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        cli.getErr().println("error: " + message);
        if (parsed.hasMatchedOption("--stacktrace")) {
            ex.printStackTrace(cli.getErr());
        }
        return ex instanceof LeaseHeldException ? LEASE_HELD : 1;
    }
}
