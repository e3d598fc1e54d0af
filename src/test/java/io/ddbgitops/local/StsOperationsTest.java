package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** STS's query protocol: the XML the endpoint answers, as AWS's STS API reference shows it. */
class StsOperationsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00.250Z"), ZoneOffset.UTC);
    private static final Optional<String> SIGNED_BY_KEY = Optional.of("AWS4-HMAC-SHA256 Credential=AKIDBASE/20261201/"
            + "us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0");

    private final StsRoles roles = new StsRoles();
    private final StsOperations sts = new StsOperations(roles, CLOCK);

    private static String body(WireResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private WireResponse call(String form, Optional<String> authorization, Optional<String> token) {
        return sts.answer(form.getBytes(StandardCharsets.UTF_8), authorization, token);
    }

    @Test
    void assumeRoleAnswersTheRolesAccountAsAccessKeyWithAnExpiration() {
        WireResponse response = call("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111"
                + "%3Arole%2Fteam%2Fddb-gitops&RoleSessionName=nightly&ExternalId=ext-1", SIGNED_BY_KEY, Optional.empty());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).containsExactly("text/xml");
        assertThat(body(response))
                .startsWith("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <AssumeRoleResult>"
                        + "<AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/ddb-gitops/nightly</Arn>"
                        + "<AssumedRoleId>AROA")
                .contains("<Credentials><AccessKeyId>111111111111</AccessKeyId><SecretAccessKey>")
                .contains("<Expiration>2026-12-01T13:00:00Z</Expiration></Credentials></AssumeRoleResult>\n"
                        + "  <ResponseMetadata>\n    <RequestId>")
                .endsWith("</RequestId>\n  </ResponseMetadata>\n</AssumeRoleResponse>\n");
    }

    @Test
    void getCallerIdentityNamesTheKeysAccountOrTheAssumedRole() {
        assertThat(body(call("Action=GetCallerIdentity&Version=2011-06-15", Optional.of(
                "AWS4-HMAC-SHA256 Credential=222222222222/20261201/us-east-1/sts/aws4_request, Signature=0"),
                Optional.empty())))
                .contains("<GetCallerIdentityResult><Arn>arn:aws:iam::222222222222:root</Arn><UserId>222222222222"
                        + "</UserId><Account>222222222222</Account></GetCallerIdentityResult>");
        assertThat(body(call("Action=GetCallerIdentity", Optional.empty(), Optional.empty())))
                .contains("<Account>000000000000</Account>");

        String assumed = body(call("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fr"
                + "&RoleSessionName=s1", SIGNED_BY_KEY, Optional.empty()));
        String token = assumed.replaceAll("(?s).*<SessionToken>(.*)</SessionToken>.*", "$1");
        String asRole = body(call("Action=GetCallerIdentity", Optional.of(
                "AWS4-HMAC-SHA256 Credential=111111111111/20261201/us-east-1/sts/aws4_request, Signature=0"),
                Optional.of(token)));
        assertThat(asRole).contains("<Arn>arn:aws:sts::111111111111:assumed-role/r/s1</Arn><UserId>"
                + StsOperations.roleId("arn:aws:iam::111111111111:role/r") + ":s1</UserId>"
                + "<Account>111111111111</Account>");
    }

    @Test
    void anUntrustedRoleOrWrongExternalIdIsAccessDeniedInStsErrorXml() {
        roles.trust("arn:aws:iam::111111111111:role/r", Optional.of("right"));

        WireResponse wrong = call("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fr"
                + "&RoleSessionName=s1&ExternalId=wrong", SIGNED_BY_KEY, Optional.empty());

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(body(wrong)).startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                + "  <Error>\n    <Type>Sender</Type>\n    <Code>AccessDenied</Code>\n    <Message>User: "
                + "arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: "
                + "arn:aws:iam::111111111111:role/r</Message>\n  </Error>\n  <RequestId>");
        assertThat(body(wrong)).doesNotContain("wrong");
        assertThat(call("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fother"
                + "&RoleSessionName=s1", SIGNED_BY_KEY, Optional.empty()).status()).isEqualTo(403);
        assertThat(call("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fr"
                + "&RoleSessionName=s1&ExternalId=right", SIGNED_BY_KEY, Optional.empty()).status()).isEqualTo(200);
    }

    @Test
    void malformedInputIsAValidationErrorAndAnUnknownActionInvalidAction() {
        WireResponse badArn = call("Action=AssumeRole&RoleArn=nope&RoleSessionName=s1", SIGNED_BY_KEY,
                Optional.empty());
        assertThat(badArn.status()).isEqualTo(400);
        assertThat(body(badArn)).contains("<Code>ValidationError</Code>").contains("at 'roleArn' failed to satisfy");

        WireResponse unknown = call("Action=GetSessionTokenX", SIGNED_BY_KEY, Optional.empty());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(body(unknown)).contains("<Code>InvalidAction</Code>");
    }

    @Test
    void onlyFormEncodedRequestsWithoutATargetAreSts() {
        assertThat(StsOperations.handles(Optional.of("application/x-www-form-urlencoded; charset=utf-8"), "")).isTrue();
        assertThat(StsOperations.handles(Optional.of("application/x-amz-json-1.0"), "DynamoDB_20120810.ListTables"))
                .isFalse();
        assertThat(StsOperations.handles(Optional.empty(), "")).isFalse();
    }
}
