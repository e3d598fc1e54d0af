package io.ddbgitops.git;

/**
 * A git operation failed. The message is written for the user and never contains secrets: URLs are
 * stripped of their user-info and credential values are masked before the exception is built.
 * The JGit cause is deliberately not chained, because its message and stack may carry the raw URL.
 */
public final class GitException extends Exception {
    private static final long serialVersionUID = 1L;

    public GitException(String message) {
        super(message);
    }
}
