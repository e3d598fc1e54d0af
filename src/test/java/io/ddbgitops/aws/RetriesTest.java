package io.ddbgitops.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK's own retry strategy object, asked the questions the SDK asks it after each failed attempt. */
class RetriesTest {
    private static AwsServiceException error(String code, int status) {
        return DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    /** How many retries the strategy grants for the same error, and the delays it asks for. */
    private static int retries(RetryStrategy strategy, AwsServiceException e, Set<Duration> delays) {
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
        int granted = 0;
        while (true) {
            try {
                var response = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(e).build());
                token = response.token();
                delays.add(response.delay());
                granted++;
            } catch (TokenAcquisitionFailedException refused) {
                return granted;
            }
        }
    }

    @Test
    void aQuotaRefusalIsNeverRetried() {
        assertThat(retries(Retries.strategy(), error("LimitExceededException", 400), new HashSet<>())).isZero();
    }

    @Test
    void aTableThatAlreadyExistsIsNotRetriedEither() {
        assertThat(retries(Retries.strategy(), error("ResourceInUseException", 400), new HashSet<>())).isZero();
    }

    @Test
    void throttlingIsRetriedABoundedNumberOfTimesAndSlowsTheClientDown() {
        Set<Duration> delays = new HashSet<>();

        int granted = retries(Retries.strategy(), error("ThrottlingException", 400), delays);

        assertThat(granted).isEqualTo(Retries.MAX_ATTEMPTS - 1);
        // adaptive mode: the back-off plus the client-side rate limiter's wait, each finite
        assertThat(delays).allSatisfy(d -> assertThat(d).isPositive().isLessThan(Duration.ofMinutes(1)));
    }

    @Test
    void serverErrorsAreRetriedBoundedWithFullJitterUnderTheCap() {
        Set<Duration> delays = new HashSet<>();

        assertThat(retries(Retries.strategy(), error("InternalServerError", 500), delays))
                .isEqualTo(Retries.MAX_ATTEMPTS - 1);
        assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(delays).as("full jitter: not one fixed delay").hasSizeGreaterThan(1);
    }

    @Test
    void backupsNotYetAvailableAreRetriedBounded() {
        assertThat(retries(Retries.strategy(), error("ContinuousBackupsUnavailableException", 400), new HashSet<>()))
                .isEqualTo(Retries.MAX_ATTEMPTS - 1);
    }

    @Test
    void aValidationErrorIsNotRetried() {
        assertThatThrownBy(() -> {
            RetryStrategy s = Retries.strategy();
            RetryToken t = s.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
            s.refreshRetryToken(RefreshRetryTokenRequest.builder().token(t).failure(error("ValidationException", 400)).build());
        }).isInstanceOf(TokenAcquisitionFailedException.class);
    }
}
