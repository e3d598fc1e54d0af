package io.ddbgitops.aws;

/** A restore that cannot be made: the target exists, or the backup or source cannot be found. */
public final class RestoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RestoreException(String message) {
        super(message);
    }
}
