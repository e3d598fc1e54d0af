package io.ddbgitops.aws;

/** The safety backup before a destructive change could not be made AVAILABLE: the change must not proceed. */
public final class SafetyBackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SafetyBackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
