package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;

/**
 * The KMS stand-in's ListAliases as KMS answers it on the wire (JSON 1.1, {@code TrentService.ListAliases}): pages by
 * {@code Limit}, {@code Truncated} and {@code NextMarker}, filters by {@code KeyId}, and errors with {@code __type} and
 * {@code message}. Checked with the AWS CLI, whose paginator follows the markers, and with raw requests.
 */
class LocalEndpointKmsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_A = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_B = "0987dcba-09fe-87dc-65ba-ab0987654321";
    private static LocalEndpoint endpoint;
    private static AwsCli cli;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        endpoint = LocalEndpoint.start(0, Optional.empty());
        cli = new AwsCli(endpoint.endpoint(), home);
        for (String name : List.of("a1", "a2", "a3")) {
            cli.json("kms", "create-alias", "--alias-name", "alias/" + name, "--target-key-id", KEY_A);
        }
        for (String name : List.of("b1", "b2")) {
            cli.json("kms", "create-alias", "--alias-name", "alias/" + name, "--target-key-id",
                    "arn:aws:kms:us-east-1:000000000000:key/" + KEY_B);
        }
    }

    @AfterAll
    static void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("Aliases").forEach(a -> names.add(a.path("AliasName").asText()));
        return names;
    }

    @Test
    void theCliFollowsTheMarkersThroughEveryPage() throws Exception {
        JsonNode all = cli.json("kms", "list-aliases", "--page-size", "2");

        assertThat(names(all)).containsExactly("alias/a1", "alias/a2", "alias/a3", "alias/aws/dynamodb", "alias/b1",
                "alias/b2");
        JsonNode first = cli.json("kms", "list-aliases", "--page-size", "2", "--max-items", "2");
        assertThat(names(first)).containsExactly("alias/a1", "alias/a2");
        JsonNode rest = cli.json("kms", "list-aliases", "--page-size", "2", "--starting-token",
                first.path("NextToken").asText());
        assertThat(names(rest)).containsExactly("alias/a3", "alias/aws/dynamodb", "alias/b1", "alias/b2");
        assertThat(all.at("/Aliases/4/AliasArn").asText()).isEqualTo("arn:aws:kms:us-east-1:000000000000:alias/b1");
        assertThat(all.at("/Aliases/4/TargetKeyId").asText()).isEqualTo(KEY_B);
    }

    @Test
    void keepsTheAliasesOfOneKeyByIdOrArn() throws Exception {
        assertThat(names(cli.json("kms", "list-aliases", "--key-id", KEY_B))).containsExactly("alias/b1", "alias/b2");
        assertThat(names(cli.json("kms", "list-aliases", "--key-id",
                "arn:aws:kms:us-east-1:000000000000:key/" + KEY_A, "--page-size", "1")))
                .containsExactly("alias/a1", "alias/a2", "alias/a3");
    }

    @Test
    void aPageOnTheWireSaysTruncatedAndTheNextMarkerAndTheLastOneOnlyTruncated() throws Exception {
        RawHttp.Response first = list("{\"Limit\":4}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().get("content-type")).isEqualTo("application/x-amz-json-1.1");
        JsonNode page = JSON.readTree(first.body());
        assertThat(names(page)).hasSize(4);
        assertThat(page.path("Truncated").asBoolean()).isTrue();
        assertThat(page.at("/Aliases/0").toString()).matches("\\{\"AliasName\":\"alias/a1\",\"AliasArn\":"
                + "\"arn:aws:kms:us-east-1:000000000000:alias/a1\",\"TargetKeyId\":\"" + KEY_A
                + "\",\"CreationDate\":[0-9.E]+,\"LastUpdatedDate\":[0-9.E]+}");

        JsonNode last = JSON.readTree(list("{\"Limit\":4,\"Marker\":\"" + page.path("NextMarker").asText() + "\"}")
                .body());
        assertThat(names(last)).containsExactly("alias/b1", "alias/b2");
        assertThat(last.path("Truncated").isBoolean()).isTrue();
        assertThat(last.path("Truncated").asBoolean()).isFalse();
        assertThat(last.has("NextMarker")).isFalse();
    }

    @Test
    void answersAtMostAHundredAliasesAPageAndFiftyWithoutALimit() throws Exception {
        LocalEndpoint own = LocalEndpoint.start(0, Optional.empty());
        try {
            AwsCli many = new AwsCli(own.endpoint(), home);
            for (int i = 0; i < 120; i++) {
                RawHttp.Response created = RawHttp.postTarget(own.port(), "TrentService.CreateAlias",
                        "{\"AliasName\":\"alias/k" + (1000 + i) + "\",\"TargetKeyId\":\"" + KEY_A + "\"}");
                assertThat(created.status()).isEqualTo(200);
            }
            assertThat(names(JSON.readTree(rawList(own, "{}").body()))).hasSize(50);
            assertThat(names(JSON.readTree(rawList(own, "{\"Limit\":1000}").body()))).hasSize(100);
            assertThat(names(many.json("kms", "list-aliases"))).hasSize(121);
        } finally {
            own.close();
        }
    }

    @Test
    void refusesALimitOutsideTheModelAndAMarkerItDidNotGive() throws Exception {
        RawHttp.Response zero = list("{\"Limit\":0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(JSON.readTree(zero.body())).isEqualTo(JSON.readTree("{\"__type\":\"ValidationException\","
                + "\"message\":\"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1\"}"));
        AwsCli.Result tooMany = cli.run("kms", "list-aliases", "--no-paginate", "--cli-input-json", "{\"Limit\":1001}");
        assertThat(tooMany.exitCode()).isNotZero();
        assertThat(tooMany.stderr()).contains("(ValidationException)")
                .contains("Member must have value less than or equal to 1000");

        RawHttp.Response bogus = list("{\"Marker\":\"not-ours\"}");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(JSON.readTree(bogus.body()).path("__type").asText()).isEqualTo("InvalidMarkerException");
        assertThat(JSON.readTree(bogus.body()).path("message").asText()).contains("marker");
        String token = Base64.getEncoder().encodeToString("{\"Marker\": \"bm90LWFuLWFsaWFz\"}"
                .getBytes(StandardCharsets.UTF_8));
        AwsCli.Result byCli = cli.run("kms", "list-aliases", "--starting-token", token);
        assertThat(byCli.exitCode()).isNotZero();
        assertThat(byCli.stderr()).contains("(InvalidMarkerException)");
    }

    @Test
    void theSdksKmsClientReadsThePagesAndTheModelledErrors() {
        try (KmsClient kms = Clients.kms(endpoint, "us-east-1")) {
            ListAliasesResponse first = kms.listAliases(r -> r.limit(2));
            assertThat(first.truncated()).isTrue();
            assertThat(first.nextMarker()).isNotEmpty();
            assertThat(kms.listAliasesPaginator(r -> r.limit(2)).aliases().stream().map(AliasListEntry::aliasName))
                    .containsExactly("alias/a1", "alias/a2", "alias/a3", "alias/aws/dynamodb", "alias/b1", "alias/b2");

            InvalidMarkerException marker = catchThrowableOfType(() -> kms.listAliases(r -> r.marker("not-ours")),
                    InvalidMarkerException.class);
            assertThat(marker.statusCode()).isEqualTo(400);
            assertThat(marker.awsErrorDetails().errorMessage()).contains("marker");
            KmsException limit = catchThrowableOfType(() -> kms.listAliases(r -> r.limit(0)), KmsException.class);
            assertThat(limit.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(limit.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '0' at "
                    + "'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
    }

    private static RawHttp.Response list(String body) throws Exception {
        return rawList(endpoint, body);
    }

    private static RawHttp.Response rawList(LocalEndpoint on, String body) throws Exception {
        return RawHttp.postTarget(on.port(), "TrentService.ListAliases", body);
    }
}
