package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The account in ARNs on the wire, and item data left alone. */
class AccountArnsTest {
    private static String toAccount(String body) {
        return new String(AccountArns.toAccount(body.getBytes(StandardCharsets.UTF_8), "111111111111"),
                StandardCharsets.UTF_8);
    }

    private static String fromAccount(String body) {
        return new String(AccountArns.fromAccount(body.getBytes(StandardCharsets.UTF_8), "111111111111"),
                StandardCharsets.UTF_8);
    }

    @Test
    void putsTheAccountIntoEveryKindOfArnAndTakesItOutAgain() {
        String front = "{\"TableArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/t\","
                + "\"BackupArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/t/backup/01\","
                + "\"RoleARN\":\"arn:aws:iam::000000000000:role/aws-service-role/x\","
                + "\"KMSMasterKeyArn\":\"arn:aws:kms:eu-west-1:000000000000:key/k\"}";
        String wire = toAccount(front);

        assertThat(wire).isEqualTo(front.replace(":000000000000:", ":111111111111:"));
        assertThat(fromAccount(wire)).isEqualTo(front);
    }

    @Test
    void leavesOtherAccountsNumbersAndItemOperationsAlone() {
        assertThat(toAccount("{\"n\":\"000000000000\",\"a\":\"arn:aws:dynamodb:us-east-1:222222222222:table/t\"}"))
                .isEqualTo("{\"n\":\"000000000000\",\"a\":\"arn:aws:dynamodb:us-east-1:222222222222:table/t\"}");
        assertThat(AccountArns.maps("111111111111", "DescribeTable")).isTrue();
        assertThat(AccountArns.maps("111111111111", "PutItem")).isFalse();
        assertThat(AccountArns.maps("111111111111", "Scan")).isFalse();
        assertThat(AccountArns.maps("000000000000", "DescribeTable")).isFalse();
    }
}
