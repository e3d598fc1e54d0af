package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigV4AuthorizationTest {
    private static final String HEADER = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/eu-central-1/dynamodb/"
            + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc123";

    @Test
    void readsTheRegionFromTheCredentialScope() {
        assertThat(SigV4Authorization.region(Optional.of(HEADER))).isEqualTo("eu-central-1");
    }

    @Test
    void fallsBackToUsEast1WithoutAnAuthorizationHeader() {
        assertThat(SigV4Authorization.region(Optional.empty())).isEqualTo("us-east-1");
        assertThat(SigV4Authorization.region(Optional.of("Bearer token"))).isEqualTo("us-east-1");
    }

    @Test
    void replacesOnlyTheAccessKey() {
        assertThat(SigV4Authorization.normalised(Optional.of(HEADER))).contains(
                HEADER.replace("AKIDEXAMPLE", "ddbgitopslocal"));
    }

    @Test
    void leavesAHeaderWithoutCredentialAlone() {
        assertThat(SigV4Authorization.normalised(Optional.of("Bearer token"))).contains("Bearer token");
    }

    @Test
    void aTwelveDigitAccessKeyIsThatAccountAndAnyOtherKeyTheDefault() {
        assertThat(SigV4Authorization.account(Optional.of(HEADER.replace("AKIDEXAMPLE", "111111111111"))))
                .isEqualTo("111111111111");
        assertThat(SigV4Authorization.account(Optional.of(HEADER))).isEqualTo("000000000000");
        assertThat(SigV4Authorization.account(Optional.of(HEADER.replace("AKIDEXAMPLE", "1111111111112"))))
                .isEqualTo("000000000000");
        assertThat(SigV4Authorization.account(Optional.of(HEADER.replace("AKIDEXAMPLE", "11111111111a"))))
                .isEqualTo("000000000000");
        assertThat(SigV4Authorization.account(Optional.empty())).isEqualTo("000000000000");
    }

    @Test
    void eachAccountHasItsOwnKeyTowardsDynamoDbLocalAndTheDefaultKeepsItsOldOne() {
        assertThat(SigV4Authorization.engineKey("000000000000")).isEqualTo("ddbgitopslocal");
        assertThat(SigV4Authorization.engineKey("111111111111")).isEqualTo("ddbgitopslocal111111111111");
        assertThat(SigV4Authorization.normalised(Optional.of(HEADER), "ddbgitopslocal111111111111")).contains(
                HEADER.replace("AKIDEXAMPLE", "ddbgitopslocal111111111111"));
        assertThat(SigV4Authorization.service(Optional.of(HEADER))).contains("dynamodb");
    }
}
