package io.ddbgitops.aws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaRefusalsTest {

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "LimitExceededException | Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day | true",
            "ValidationException | Time to live has been modified multiple times within a fixed interval | true",
            "ValidationException | TimeToLive is active on a different AttributeName: current AttributeName is ttl | true",
            "ValidationException | TimeToLive is already enabled | true",
            "ValidationException | One or more parameter values were invalid: Table is already PAY_PER_REQUEST | false",
            "ThrottlingException | Rate exceeded for control plane | false",
            "ValidationException | Throttling: rate limit exceeded | false",
            "ResourceInUseException | Table is being updated: Orders | false"})
    void tellsAQuotaRefusalFromOtherErrors(String code, String message, boolean quota) {
        DynamoDbException e = (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .statusCode(400).build();

        assertThat(QuotaRefusals.isQuotaRefusal(e)).isEqualTo(quota);
    }
}
