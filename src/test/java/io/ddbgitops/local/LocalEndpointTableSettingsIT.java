package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class LocalEndpointTableSettingsIT {
    private static LocalEndpoint endpoint;
    private static DynamoDbClient client;
    private static DynamoDbClient europe;

    @BeforeAll
    static void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        client = Clients.client(endpoint);
        europe = Clients.client(endpoint, "eu-west-1", "AKIDEUROPE");
    }

    @AfterAll
    static void stop() {
        europe.close();
        client.close();
        endpoint.close();
    }

    @Test
    void createTableKeepsEncryptionTableClassDeletionProtectionAndOnDemandCaps() {
        TableDescription created = client.createTable(Clients.simpleTable("settings-create")
                .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("alias/orders"))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .deletionProtectionEnabled(true)
                .onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(50L))
                .build()).tableDescription();
        TableDescription described = describe("settings-create");

        for (TableDescription table : new TableDescription[] {created, described}) {
            assertThat(table.sseDescription().status()).isEqualTo(SSEStatus.ENABLED);
            assertThat(table.sseDescription().sseType()).isEqualTo(SSEType.KMS);
            assertThat(table.sseDescription().kmsMasterKeyArn())
                    .matches("arn:aws:kms:us-east-1:000000000000:key/[0-9a-f-]{36}");
            assertThat(table.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
            assertThat(table.deletionProtectionEnabled()).isTrue();
            assertThat(table.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
            assertThat(table.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50L);
        }
        assertThatThrownBy(() -> client.deleteTable(r -> r.tableName("settings-create")))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void updateTableChangesEncryptionTableClassAndCapsWithoutNothingToUpdate() {
        client.createTable(Clients.simpleTable("settings-update").build());

        client.updateTable(r -> r.tableName("settings-update")
                .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("alias/orders")));
        client.updateTable(r -> r.tableName("settings-update").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        client.updateTable(r -> r.tableName("settings-update").onDemandThroughput(o -> o.maxReadRequestUnits(7L)));
        TableDescription updated = describe("settings-update");

        String sameAliasAtCreation = client.createTable(Clients.simpleTable("settings-update-twin")
                .sseSpecification(s -> s.enabled(true).kmsMasterKeyId("alias/orders")).build())
                .tableDescription().sseDescription().kmsMasterKeyArn();
        assertThat(updated.sseDescription().kmsMasterKeyArn()).isEqualTo(sameAliasAtCreation)
                .startsWith("arn:aws:kms:us-east-1:000000000000:key/");
        assertThat(updated.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(updated.tableClassSummary().lastUpdateDateTime()).isNotNull();
        assertThat(updated.onDemandThroughput().maxReadRequestUnits()).isEqualTo(7L);

        client.updateTable(r -> r.tableName("settings-update").sseSpecification(s -> s.enabled(false)));
        assertThat(describe("settings-update").sseDescription()).isNull();
    }

    @Test
    void aMixedUpdateTableAppliesThroughputAndTableClass() {
        client.createTable(Clients.simpleTable("settings-mixed").billingMode("PROVISIONED")
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build());

        TableDescription answered = client.updateTable(r -> r.tableName("settings-mixed")
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(3L))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)).tableDescription();

        for (TableDescription table : new TableDescription[] {answered, describe("settings-mixed")}) {
            assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
            assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
            assertThat(table.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        }
    }

    @Test
    void aReplicaIsARealTableInTheOtherRegionWithTheItemsThatExisted() {
        client.createTable(Clients.simpleTable("settings-global").build());
        Clients.putItems(client, "settings-global", 3);

        client.updateTable(r -> r.tableName("settings-global").replicaUpdates(ReplicationGroupUpdate.builder()
                .create(c -> c.regionName("eu-west-1")).build()));

        TableDescription source = describe("settings-global");
        assertThat(source.replicas()).extracting(ReplicaDescription::regionName).containsExactly("eu-west-1");
        assertThat(source.replicas()).extracting(ReplicaDescription::replicaStatusAsString).containsExactly("ACTIVE");
        assertThat(source.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(source.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        TableDescription replica = europe.describeTable(r -> r.tableName("settings-global")).table();
        assertThat(replica.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/settings-global");
        assertThat(replica.replicas()).extracting(ReplicaDescription::regionName).containsExactly("us-east-1");
        assertThat(europe.scan(r -> r.tableName("settings-global")).items())
                .containsExactlyInAnyOrder(Clients.item(0), Clients.item(1), Clients.item(2));

        client.updateTable(r -> r.tableName("settings-global").replicaUpdates(ReplicationGroupUpdate.builder()
                .delete(d -> d.regionName("eu-west-1")).build()));

        assertThat(describe("settings-global").replicas()).isEmpty();
        assertThatThrownBy(() -> europe.describeTable(r -> r.tableName("settings-global")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void refusesReplicaUpdatesCombinedWithOtherChanges() {
        client.createTable(Clients.simpleTable("settings-replica-mixed").build());

        assertThatThrownBy(() -> client.updateTable(r -> r.tableName("settings-replica-mixed")
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c.regionName("eu-west-1")).build())))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> europe.describeTable(r -> r.tableName("settings-replica-mixed")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void contributorInsightsAreEnabledDescribedListedAndDisabled() {
        client.createTable(Clients.simpleTable("settings-insights").build());
        assertThat(insights("settings-insights")).isEqualTo(ContributorInsightsStatus.DISABLED);

        client.updateContributorInsights(r -> r.tableName("settings-insights").contributorInsightsAction("ENABLE"));
        assertThat(insights("settings-insights")).isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(client.listContributorInsights(r -> r.tableName("settings-insights"))
                .contributorInsightsSummaries())
                .singleElement().satisfies(s -> assertThat(s.contributorInsightsStatus())
                        .isEqualTo(ContributorInsightsStatus.ENABLED));

        client.updateContributorInsights(r -> r.tableName("settings-insights").contributorInsightsAction("DISABLE"));
        assertThat(insights("settings-insights")).isEqualTo(ContributorInsightsStatus.DISABLED);
        assertThatThrownBy(() -> client.describeContributorInsights(r -> r.tableName("settings-no-such-table")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void refusesASecondTimeToLiveChangeWithinTheHour() {
        client.createTable(Clients.simpleTable("settings-ttl").build());
        client.updateTimeToLive(r -> r.tableName("settings-ttl")
                .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));

        assertThatThrownBy(() -> client.updateTimeToLive(r -> r.tableName("settings-ttl")
                .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(false))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("multiple times within a fixed interval");
                });
        assertThat(client.describeTimeToLive(r -> r.tableName("settings-ttl")).timeToLiveDescription()
                .attributeName()).isEqualTo("expiresAt");
    }

    private static ContributorInsightsStatus insights(String table) {
        return client.describeContributorInsights(r -> r.tableName(table)).contributorInsightsStatus();
    }

    private static TableDescription describe(String table) {
        return client.describeTable(r -> r.tableName(table)).table();
    }
}
