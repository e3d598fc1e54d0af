package io.ddbgitops.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Turns SDK failures into one readable line: the AWS error code and message, no request ids or stack. */
public final class AwsErrors {
    private AwsErrors() {}

    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails().errorMessage();
            return code + ": " + (message == null ? "(no message)" : message);
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
