package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Accounts on the local endpoint: a 12-digit access key id is that account, anything else 000000000000; tables,
 * backups, tags and scaling targets live per account and region; ARNs name the account; STS hands out keys of the
 * role's account.
 */
class LocalEndpointAccountsIT {
    private static final String ALPHA = "111111111111";
    private static final String BETA = "222222222222";
    private static final String ALPHA_ROLE = "arn:aws:iam::111111111111:role/ddb-gitops";

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private DynamoDbClient as(String key) {
        return Clients.client(endpoint, "us-east-1", key);
    }

    private StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    @Test
    void eachAccountSeesOnlyItsOwnTablesAndTheirArnsNameIt() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        try (DynamoDbClient alpha = as(ALPHA); DynamoDbClient beta = as(BETA); DynamoDbClient other = as("AKIDOTHER");
             DynamoDbClient zero = as("000000000000")) {
            alpha.createTable(Clients.simpleTable("orders").streamSpecification(s -> s.streamEnabled(true)
                    .streamViewType(StreamViewType.NEW_IMAGE)).build());
            beta.createTable(Clients.simpleTable("orders").build());
            beta.createTable(Clients.simpleTable("invoices").build());
            Clients.putItems(alpha, "orders", 3);

            assertThat(alpha.listTables().tableNames()).containsExactly("orders");
            assertThat(beta.listTables().tableNames()).containsExactly("invoices", "orders");
            assertThat(other.listTables().tableNames()).isEmpty();
            assertThat(zero.listTables().tableNames()).isEmpty();
            assertThat(beta.scan(r -> r.tableName("orders")).count()).isZero();
            assertThat(alpha.scan(r -> r.tableName("orders")).count()).isEqualTo(3);

            TableDescription table = alpha.describeTable(r -> r.tableName("orders")).table();
            assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/orders");
            assertThat(table.latestStreamArn()).startsWith("arn:aws:dynamodb:us-east-1:111111111111:table/orders/stream/");
            assertThat(beta.describeTable(r -> r.tableName("orders")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:222222222222:table/orders");
            other.createTable(Clients.simpleTable("plain").build());
            assertThat(other.describeTable(r -> r.tableName("plain")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/plain");
            assertThatThrownBy(() -> other.describeTable(r -> r.tableName("invoices")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void backupsTagsAndScalingTargetsArePerAccount() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        try (DynamoDbClient alpha = as(ALPHA); DynamoDbClient beta = as(BETA);
             ApplicationAutoScalingClient alphaScaling = scaling(ALPHA);
             ApplicationAutoScalingClient betaScaling = scaling(BETA)) {
            alpha.createTable(Clients.provisionedTable("orders", 5, 5).build());
            beta.createTable(Clients.provisionedTable("orders", 5, 5).build());
            String arn = alpha.describeTable(r -> r.tableName("orders")).table().tableArn();
            alpha.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("team").value("alpha")));
            String backupArn = alpha.createBackup(r -> r.tableName("orders").backupName("nightly"))
                    .backupDetails().backupArn();
            alphaScaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
                    .resourceId("table/orders").scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
                    .minCapacity(5).maxCapacity(50));

            assertThat(backupArn).startsWith("arn:aws:dynamodb:us-east-1:111111111111:table/orders/backup/");
            assertThat(alpha.describeBackup(r -> r.backupArn(backupArn)).backupDescription().sourceTableDetails()
                    .tableArn()).isEqualTo(arn);
            assertThat(alpha.listBackups(r -> r.tableName("orders")).backupSummaries()).hasSize(1);
            String missing = backupArn.replaceAll("/backup/.*", "/backup/01234567890123-abcdefgh");
            assertThatThrownBy(() -> alpha.describeBackup(r -> r.backupArn(missing)))
                    .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException.class)
                    .hasMessageContaining(missing);
            assertThat(beta.listBackups(r -> r.tableName("orders")).backupSummaries()).isEmpty();
            assertThat(alpha.listTagsOfResource(r -> r.resourceArn(arn)).tags()).hasSize(1);
            String betaArn = beta.describeTable(r -> r.tableName("orders")).table().tableArn();
            assertThat(beta.listTagsOfResource(r -> r.resourceArn(betaArn)).tags()).isEmpty();
            assertThat(alphaScaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalableTargets()).singleElement().satisfies(t -> {
                        assertThat(t.scalableTargetARN()).contains(":111111111111:scalable-target/");
                        assertThat(t.roleARN()).startsWith("arn:aws:iam::111111111111:role/aws-service-role/");
                    });
            assertThat(betaScaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
                    .scalableTargets()).isEmpty();
        }
    }

    private ApplicationAutoScalingClient scaling(String key) {
        return ApplicationAutoScalingClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, "s"))).build();
    }

    @Test
    void assumeRoleHandsOutCredentialsOfTheRolesAccount() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        try (StsClient sts = sts(AwsBasicCredentials.create("AKIDBASE", "secret"))) {
            AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(ALPHA_ROLE).roleSessionName("run-1")
                    .externalId("ext-alpha"));

            assertThat(assumed.credentials().accessKeyId()).isEqualTo(ALPHA);
            assertThat(assumed.credentials().expiration()).isAfter(java.time.Instant.now().plusSeconds(3000));
            assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/ddb-gitops/run-1");
            assertThat(assumed.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z0-9]{17}:run-1");

            AwsSessionCredentials session = AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
                    assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken());
            try (StsClient asRole = sts(session)) {
                GetCallerIdentityResponse identity = asRole.getCallerIdentity();
                assertThat(identity.account()).isEqualTo(ALPHA);
                assertThat(identity.arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/ddb-gitops/run-1");
                assertThat(identity.userId()).isEqualTo(assumed.assumedRoleUser().assumedRoleId());
            }
            GetCallerIdentityResponse base = sts.getCallerIdentity();
            assertThat(base.account()).isEqualTo("000000000000");
            assertThat(base.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
    }

    @Test
    void theSdksAssumeRoleProviderReachesTheRolesAccount() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        try (StsClient sts = sts(AwsBasicCredentials.create("AKIDBASE", "secret"));
             StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                     .refreshRequest(r -> r.roleArn(ALPHA_ROLE).roleSessionName("ddb-gitops")).build();
             DynamoDbClient alpha = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(provider).build();
             DynamoDbClient byKey = as(ALPHA)) {
            alpha.createTable(Clients.simpleTable("via-role").build());

            assertThat(byKey.listTables().tableNames()).containsExactly("via-role");
        }
    }

    @Test
    void aRoleNotTrustedOrTheWrongExternalIdIsAccessDenied() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        endpoint.roles().trust(ALPHA_ROLE, Optional.of("ext-alpha"));
        try (StsClient sts = sts(AwsBasicCredentials.create("AKIDBASE", "secret"))) {
            assertThat(sts.assumeRole(r -> r.roleArn(ALPHA_ROLE).roleSessionName("s1").externalId("ext-alpha"))
                    .credentials().accessKeyId()).isEqualTo(ALPHA);
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ALPHA_ROLE).roleSessionName("s1")
                    .externalId("wrong")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root "
                                + "is not authorized to perform: sts:AssumeRole on resource: " + ALPHA_ROLE);
                    });
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/unknown")
                    .roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void rolesCanBeRegisteredOverHttpFromOutsideTheJvm() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        java.net.http.HttpResponse<String> registered = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(endpoint.endpoint().resolve("/local-admin/sts/roles"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"RoleArn\":\"" + ALPHA_ROLE + "\",\"ExternalId\":\"ext-1\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(200);

        try (StsClient sts = sts(AwsBasicCredentials.create("AKIDBASE", "secret"))) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ALPHA_ROLE).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThat(sts.assumeRole(r -> r.roleArn(ALPHA_ROLE).roleSessionName("s1").externalId("ext-1"))
                    .credentials().accessKeyId()).isEqualTo(ALPHA);
        }
    }

    @Test
    void theAwsCliSeesEachAccountThroughItsKeyAndAsksStsWhoItIs() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        endpoint = LocalEndpoint.start(0, Optional.empty());
        try (DynamoDbClient alpha = as(ALPHA)) {
            alpha.createTable(Clients.simpleTable("cli-alpha").build());
        }
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp);

        assertThat(cli.withAccessKey(ALPHA).json("dynamodb", "list-tables").path("TableNames").toString())
                .isEqualTo("[\"cli-alpha\"]");
        assertThat(cli.withAccessKey(BETA).json("dynamodb", "list-tables").path("TableNames").toString())
                .isEqualTo("[]");
        JsonNode identity = cli.withAccessKey(BETA).json("sts", "get-caller-identity");
        assertThat(identity.path("Account").asText()).isEqualTo(BETA);
        assertThat(identity.path("Arn").asText()).isEqualTo("arn:aws:iam::222222222222:root");
        JsonNode assumed = cli.json("sts", "assume-role", "--role-arn", ALPHA_ROLE, "--role-session-name", "cli");
        assertThat(assumed.path("Credentials").path("AccessKeyId").asText()).isEqualTo(ALPHA);
    }

    @Test
    void accountsSurviveARestartWithADataDirectory() throws Exception {
        Path data = temp.resolve("data");
        endpoint = LocalEndpoint.start(0, Optional.of(data));
        try (DynamoDbClient alpha = as(ALPHA)) {
            alpha.createTable(Clients.simpleTable("kept").build());
            String arn = alpha.describeTable(r -> r.tableName("kept")).table().tableArn();
            alpha.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("team").value("alpha")));
        }
        endpoint.close();

        endpoint = LocalEndpoint.start(0, Optional.of(data));
        try (DynamoDbClient alpha = as(ALPHA); DynamoDbClient other = as("AKIDOTHER")) {
            assertThat(alpha.listTables().tableNames()).containsExactly("kept");
            assertThat(other.listTables().tableNames()).isEmpty();
            assertThat(alpha.listTagsOfResource(r -> r.resourceArn(
                    "arn:aws:dynamodb:us-east-1:111111111111:table/kept")).tags()).hasSize(1);
        }
    }
}
