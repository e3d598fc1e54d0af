package io.ddbgitops.cli;

import io.ddbgitops.local.LocalEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ddb-gitops restore} against a running local endpoint, and the offline cron check of {@code validate}. */
class RestoreCommandIT {
    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClient client;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "x")))
                .build();
        client.createTable(r -> r.tableName("Orders")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
        for (int i = 0; i < 12; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("order-" + i));
            client.putItem(r -> r.tableName("Orders").item(item));
        }
        client.createBackup(r -> r.tableName("Orders").backupName("orders-before-release"));
    }

    @AfterEach
    void stop() {
        client.close();
        endpoint.close();
    }

    @Test
    void restoresFromABackupNameAndPrintsProgressAndResult() {
        CliRun run = cli("restore", "--region", "us-east-1", "--target-table", "OrdersRestored",
                "--backup", "orders-before-release", "--endpoint-url", endpoint.endpoint().toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("restoring us-east-1/OrdersRestored from backup arn:")
                .contains("waiting for us-east-1/OrdersRestored to be ACTIVE")
                .contains("restored us-east-1/OrdersRestored from backup arn:").contains("(ACTIVE, ");
        assertThat(client.scan(r -> r.tableName("OrdersRestored")).count()).isEqualTo(12);
    }

    /**
     * A table whose manifest says {@code optional_spec.account: beta}: beta has its own Orders and its own backup of
     * the same name; {@code --account beta} restores beta's, in beta, with beta's role; without it, the default
     * account's.
     */
    @Test
    void restoresInTheAccountItIsToldWithThatAccountsRole() throws Exception {
        String betaRole = "arn:aws:iam::222222222222:role/ddb-gitops";
        endpoint.roles().trust(betaRole, Optional.of("ext-beta"));
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(repo.resolve("ddb-gitops.yaml"), """
                apiVersion: ddb-gitops/v1
                kind: Config
                accounts:
                  beta: {account_id: "222222222222", role_arn: "%s", external_id: "ext-beta"}
                """.formatted(betaRole), StandardCharsets.UTF_8);
        try (DynamoDbClient beta = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("222222222222", "x")))
                .build()) {
            beta.createTable(r -> r.tableName("Orders")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST"));
            for (int i = 0; i < 5; i++) {
                Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("beta-" + i));
                beta.putItem(r -> r.tableName("Orders").item(item));
            }
            beta.createBackup(r -> r.tableName("Orders").backupName("orders-before-release"));
            beta.updateContinuousBackups(r -> r.tableName("Orders")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));

            CliRun fromBackup = cli("restore", "--region", "us-east-1", "--target-table", "OrdersRestored",
                    "--backup", "orders-before-release", "--account", "beta", "--repo", repo.toString(),
                    "--endpoint-url", endpoint.endpoint().toString());
            CliRun pointInTime = cli("restore", "--region", "us-east-1", "--target-table", "OrdersAgain",
                    "--source-table", "Orders", "--account", "beta", "--repo", repo.toString(),
                    "--endpoint-url", endpoint.endpoint().toString());

            assertThat(fromBackup.exit()).as(fromBackup.err()).isZero();
            assertThat(fromBackup.out()).contains("restored beta:us-east-1/OrdersRestored from backup "
                    + "arn:aws:dynamodb:us-east-1:222222222222:table/Orders/backup/");
            assertThat(beta.scan(r -> r.tableName("OrdersRestored")).count()).as("beta's backup").isEqualTo(5);
            assertThat(pointInTime.exit()).as(pointInTime.err()).isZero();
            assertThat(beta.describeTable(r -> r.tableName("OrdersAgain")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:222222222222:table/OrdersAgain");
            assertThat(client.listTables().tableNames()).as("nothing restored into the default account")
                    .containsExactly("Orders");
        }

        endpoint.roles().trust(betaRole, Optional.of("another-external-id"));
        CliRun refused = cli("restore", "--region", "us-east-1", "--target-table", "Refused",
                "--backup", "orders-before-release", "--account", "beta", "--repo", repo.toString(),
                "--endpoint-url", endpoint.endpoint().toString());
        CliRun undefined = cli("restore", "--region", "us-east-1", "--target-table", "Nowhere",
                "--backup", "orders-before-release", "--account", "gamma", "--repo", repo.toString(),
                "--endpoint-url", endpoint.endpoint().toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot assume the role of account beta: AccessDenied")
                .doesNotContain("ext-beta").doesNotContain("another-external-id");
        assertThat(undefined.exit()).isEqualTo(1);
        assertThat(undefined.err()).contains("--account gamma is not defined in ddb-gitops.yaml of " + repo
                + " (accounts: beta)");
    }

    @Test
    void refusesATargetThatAlreadyExists() {
        client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("after-backup"))));

        CliRun run = cli("restore", "--region", "us-east-1", "--target-table", "Orders",
                "--backup", "orders-before-release", "--endpoint-url", endpoint.endpoint().toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: table us-east-1/Orders already exists; a restore never overwrites");
        assertThat(client.scan(r -> r.tableName("Orders")).count()).isEqualTo(13);
    }

    @Test
    void needsExactlyOneSource() {
        CliRun none = cli("restore", "--region", "us-east-1", "--target-table", "T", "--local");
        CliRun both = cli("restore", "--region", "us-east-1", "--target-table", "T", "--backup", "b",
                "--source-table", "S", "--local");
        CliRun badTime = cli("restore", "--region", "us-east-1", "--target-table", "T", "--source-table", "S",
                "--point-in-time", "yesterday", "--local");

        assertThat(none.exit()).isEqualTo(1);
        assertThat(both.exit()).isEqualTo(1);
        assertThat(badTime.exit()).isEqualTo(1);
        assertThat(badTime.err()).contains("--point-in-time \"yesterday\" is neither an ISO-8601 instant");
    }

    @Test
    void validateReportsABadBackupScheduleWithItsLineOffline() throws Exception {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve("manifests"));
        Files.writeString(repo.resolve("manifests/orders.yaml"), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: orders
                spec:
                  region: "us-east-1"
                  tablename: "Orders"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  optional_spec:
                    backup:
                      schedule: "0 0 25 * * ?"
                      retain: 7
                """, StandardCharsets.UTF_8);

        CliRun run = cli("validate", "--repo", repo.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("manifests/orders.yaml:12:")
                .contains("spec.optional_spec.backup.schedule: \"0 0 25 * * ?\" is not a Quartz cron expression");
    }
}
