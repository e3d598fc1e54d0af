package io.ddbgitops.aws;

/**
 * An import from S3 that did not end well: FAILED or CANCELLED (with AWS's FailureCode and FailureMessage and the
 * counts), or not ended before the wait did. The message says what the next run does.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean ended;

    ImportException(String message, boolean ended) {
        super(message);
        this.ended = ended;
    }

    /** The import ended (FAILED or CANCELLED); otherwise the wait for it ended first and it goes on at AWS. */
    boolean ended() {
        return ended;
    }

    /** The same failure with what became of the table said after it. */
    ImportException and(String more) {
        return new ImportException(getMessage() + more, ended);
    }
}
