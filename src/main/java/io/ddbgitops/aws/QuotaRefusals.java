package io.ddbgitops.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a quota refusal from other errors: LimitExceededException, or a ValidationException whose message is about
 * a rate limit (TTL "modified multiple times within a fixed interval", too many billing-mode or table-class updates).
 * Such a refusal will not succeed on a retry minutes later, so it is reported as blocked, never retried; throttling
 * is something else, and the SDK's retry strategy handles it.
 * Sources (checked 2026-12-01): https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 * (LimitExceededException) and https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html.
 */
public final class QuotaRefusals {
    private static final Pattern RATE_LIMIT = Pattern.compile(
            "limit|too many|multiple times|more than|exceeded|once (per|every)|only be (changed|updated|switched)");
    /**
     * UpdateTimeToLive is not idempotent and checks the table's TTL state before its hourly limit: when another
     * client changed TTL since the plan was made, AWS answers "TimeToLive is already enabled" (or "...disabled", or
     * "TimeToLive is active on a different AttributeName: ..."). The next run reads the new state and tries again,
     * as after the hourly limit (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html,
     * checked 2026-12-01).
     */
    private static final Pattern TTL_CHANGED_MEANWHILE = Pattern.compile(
            "timetolive is (already (enabled|disabled)|active on a different attributename)");

    private QuotaRefusals() {}

    public static boolean isQuotaRefusal(Throwable e) {
        if (!(e instanceof AwsServiceException aws) || aws.awsErrorDetails() == null) {
            return false;
        }
        String code = aws.awsErrorDetails().errorCode();
        String message = aws.awsErrorDetails().errorMessage() == null ? ""
                : aws.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT);
        if ("LimitExceededException".equals(code)) {
            return true;
        }
        return "ValidationException".equals(code) && !message.contains("throttl")
                && (RATE_LIMIT.matcher(message).find() || TTL_CHANGED_MEANWHILE.matcher(message).find());
    }
}
