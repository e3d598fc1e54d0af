package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

class LocalEndpointControlPlaneIT extends SharedEndpoint {

    @Test
    void listensOnLoopbackOnly() {
        assertThat(endpoint.endpoint().toString()).isEqualTo("http://127.0.0.1:" + endpoint.port());
        assertThat(endpoint.port()).isPositive();
    }

    @Test
    void reportsPitrDisabledUntilEnabledAndBackAgain() {
        client.createTable(Clients.simpleTable("pitr").build());
        assertThat(pitr("pitr").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(client.describeContinuousBackups(r -> r.tableName("pitr")).continuousBackupsDescription()
                .continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);

        PointInTimeRecoveryDescription enabled = client.updateContinuousBackups(r -> r.tableName("pitr")
                        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        assertThat(enabled.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(enabled.recoveryPeriodInDays()).isEqualTo(35);

        PointInTimeRecoveryDescription described = pitr("pitr");
        assertThat(described.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(described.earliestRestorableDateTime()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(described.latestRestorableDateTime()).isAfterOrEqualTo(described.earliestRestorableDateTime());

        client.updateContinuousBackups(r -> r.tableName("pitr")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));
        assertThat(pitr("pitr").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(pitr("pitr").earliestRestorableDateTime()).isNull();
    }

    @Test
    void acceptsARecoveryPeriodWithinOneToThirtyFiveDays() {
        client.createTable(Clients.simpleTable("pitr-period").build());
        client.updateContinuousBackups(r -> r.tableName("pitr-period").pointInTimeRecoverySpecification(
                s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));
        assertThat(pitr("pitr-period").recoveryPeriodInDays()).isEqualTo(7);
        assertThatThrownBy(() -> client.updateContinuousBackups(r -> r.tableName("pitr-period")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void answersTableNotFoundForPitrOfAMissingTable() {
        assertThatThrownBy(() -> client.describeContinuousBackups(r -> r.tableName("pitr-missing")))
                .isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> client.updateContinuousBackups(r -> r.tableName("pitr-missing")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))))
                .isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void tagsUntagsAndListsByTheArnDescribeTableReturns() {
        client.createTable(Clients.simpleTable("tagged").build());
        String arn = client.describeTable(r -> r.tableName("tagged")).table().tableArn();
        assertThat(arn).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/tagged");

        client.tagResource(r -> r.resourceArn(arn).tags(tag("team", "payments"), tag("env", "dev")));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                .containsExactlyInAnyOrder(tag("team", "payments"), tag("env", "dev"));

        client.untagResource(r -> r.resourceArn(arn).tagKeys("env"));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).containsExactly(tag("team", "payments"));

        String engineArn = "arn:aws:dynamodb:ddblocal:000000000000:table/tagged";
        assertThat(client.listTagsOfResource(r -> r.resourceArn(engineArn)).tags())
                .containsExactly(tag("team", "payments"));
    }

    @Test
    void keepsTheTagsOfCreateTable() {
        client.createTable(Clients.simpleTable("born-tagged").tags(tag("owner", "ddb-gitops")).build());
        String arn = client.describeTable(r -> r.tableName("born-tagged")).table().tableArn();
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).containsExactly(tag("owner", "ddb-gitops"));
    }

    @Test
    void answersResourceNotFoundForTagsOfAnUnknownTable() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/never-created";
        assertThatThrownBy(() -> client.listTagsOfResource(r -> r.resourceArn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.tagResource(r -> r.resourceArn(arn).tags(tag("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void forgetsTagsAndPitrWhenTheTableIsDeleted() {
        client.createTable(Clients.simpleTable("recreated").tags(tag("gen", "1")).build());
        client.updateContinuousBackups(r -> r.tableName("recreated")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        client.deleteTable(r -> r.tableName("recreated"));

        client.createTable(Clients.simpleTable("recreated").build());
        String arn = client.describeTable(r -> r.tableName("recreated")).table().tableArn();
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).isEmpty();
        assertThat(pitr("recreated").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void reportsCreationDateTimeInEpochSeconds() {
        TableDescription created = client.createTable(Clients.simpleTable("dated").build()).tableDescription();
        TableDescription described = client.describeTable(r -> r.tableName("dated")).table();
        Instant now = Instant.now();
        assertThat(Duration.between(created.creationDateTime(), now).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(Duration.between(described.creationDateTime(), now).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void answersErrorsInAwsWireShapeWithAMatchingChecksum() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint.endpoint())
                .header("X-Amz-Target", "DynamoDB_20120810.DescribeContinuousBackups")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDRAW/20250101/us-east-1/dynamodb/"
                        + "aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"raw-missing\"}"))
                .build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#TableNotFoundException");
        assertThat(body.path("message").asText()).contains("raw-missing");
        CRC32 crc = new CRC32();
        crc.update(response.body());
        assertThat(response.headers().firstValue("x-amz-crc32")).contains(Long.toString(crc.getValue()));
    }

    private static PointInTimeRecoveryDescription pitr(String table) {
        return client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
