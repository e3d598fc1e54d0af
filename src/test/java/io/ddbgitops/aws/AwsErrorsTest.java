package io.ddbgitops.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every failure gets a code and says what the next run does; durations read as users write them. */
class AwsErrorsTest {
    private static DynamoDbException error(String code, String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void aQuotaRefusalAndTheTimeToLiveRuleAreBlockedNotFailures() {
        assertThat(AwsErrors.quotaRefusal(error("LimitExceededException", "Too many operations"))).isTrue();
        assertThat(AwsErrors.quotaRefusal(error("ValidationException",
                "Time to live has been modified multiple times within a fixed interval"))).isTrue();
        assertThat(AwsErrors.quotaRefusal(error("ValidationException", "One or more parameter values were invalid")))
                .isFalse();
        assertThat(AwsErrors.nextRun(error("LimitExceededException", "x"))).contains("the next run tries again");
    }

    @Test
    void clientSideFailuresHaveACodeToo() {
        assertThat(AwsErrors.failure(ApiCallTimeoutException.create(2000)))
                .startsWith("ApiCallTimeout: ").endsWith("will retry on the next run");
        assertThat(AwsErrors.code(SdkClientException.create("Unable to execute HTTP request: Connection refused")))
                .isEqualTo("ConnectionError");
    }

    @Test
    void throttlingIsRetriedNextRunAndAccessDeniedNeedsAFix() {
        assertThat(AwsErrors.failure(error("ThrottlingException", "Rate exceeded")))
                .isEqualTo("ThrottlingException: Rate exceeded; will retry on the next run");
        assertThat(AwsErrors.nextRun(error("AccessDeniedException", "not authorized")))
                .isEqualTo("the next run will fail the same way until this is fixed");
    }

    @Test
    void durationsAreSecondsOrIso8601() {
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.format(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThatThrownBy(() -> Durations.parse("0")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("PT15M");
    }

    @Test
    void aDeadlineCapsWhatIsLeft() {
        Deadline none = Deadline.none();
        assertThat(none.passed()).isFalse();
        assertThat(none.cap(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        Deadline soon = Deadline.after(Duration.ofSeconds(5));
        assertThat(soon.cap(Duration.ofSeconds(90))).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(soon.describe()).isEqualTo("the run's deadline (--timeout 5s)");
    }
}
