package io.ddbgitops.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Set;

/**
 * Turns SDK failures into one readable line — the AWS error code and message, no request ids or stack — and says
 * what they mean for the next run. Client-side failures get a code of their own ({@code ApiCallTimeout},
 * {@code ConnectionError}), so every failure in the report has one.
 */
public final class AwsErrors {
    /** Retried by the SDK within the run, and again by the next run if they outlast the retries. */
    private static final Set<String> TRANSIENT = Set.of("ThrottlingException", "ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "InternalServerError", "ServiceUnavailable", "ApiCallTimeout",
            "ApiCallAttemptTimeout", "ConnectionError", "ContinuousBackupsUnavailableException", "ConcurrentUpdateException",
            "ResourceInUseException");
    /** The request is wrong or not allowed: the next run fails the same way until someone fixes it. */
    private static final Set<String> NEEDS_A_FIX = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "ValidationException", "MissingAuthenticationTokenException",
            "InvalidSignatureException", "SerializationException");

    private AwsErrors() {}

    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails().errorMessage();
            return code + ": " + (message == null ? "(no message)" : message);
        }
        if (e instanceof SdkClientException) {
            return code(e) + ": " + (e.getMessage() == null ? "(no message)" : e.getMessage());
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** The AWS error code, or our name for a client-side failure. */
    public static String code(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        if (e instanceof ApiCallTimeoutException) {
            return "ApiCallTimeout";
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            return "ApiCallAttemptTimeout";
        }
        if (e instanceof SdkClientException) {
            return "ConnectionError";
        }
        return e.getClass().getSimpleName();
    }

    /** True for a call cut off by a timeout (one call's, or the run's deadline). */
    public static boolean timedOut(Throwable e) {
        return e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
    }

    /** A quota or rate rule refused the change: blocked, not failed ({@link QuotaRefusals}). */
    public static boolean quotaRefusal(Throwable e) {
        return QuotaRefusals.isQuotaRefusal(e);
    }

    /** The failure and what the next run does about it, as one line for the report. */
    public static String failure(Throwable e) {
        return describe(e) + "; " + nextRun(e);
    }

    /** What the next run will do about this failure, for the report. */
    public static String nextRun(Throwable e) {
        String code = code(e);
        if (quotaRefusal(e)) {
            return "a DynamoDB quota refused it; the next run tries again";
        }
        if (TRANSIENT.contains(code) || e instanceof SdkClientException) {
            return "will retry on the next run";
        }
        if (NEEDS_A_FIX.contains(code)) {
            return "the next run will fail the same way until this is fixed";
        }
        return "will retry on the next run";
    }
}
