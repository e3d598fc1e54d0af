package io.ddbgitops.aws;

/**
 * An import from S3 that did not end well: FAILED or CANCELLED (with AWS's FailureCode and FailureMessage), or
 * COMPLETED with items it could not import. The message says what the next run does.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ImportException(String message) {
        super(message);
    }
}
