package io.ddbgitops.aws;

import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.TableId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alias resolution through the SDK's KMS client against the endpoint's KMS stand-in: every page is read, each region
 * once, and a KMS that cannot be asked is "could not be read" (so the planner says it cannot compare), never an error.
 */
class KmsAliasesIT {
    private static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String OTHER_KEY = "0987dcba-09fe-87dc-65ba-ab0987654321";

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
    }

    @AfterEach
    void stop() {
        clients.close();
        endpoint.close();
    }

    @Test
    void readsEveryPageOfAliasesAsKeyArnsOfTheTablesRegion() {
        KmsClient kms = clients.kms(TableId.DEFAULT_ACCOUNT, "us-east-1");
        // more than one page: KMS answers 50 aliases a page unless asked otherwise
        for (int i = 0; i < 60; i++) {
            int n = i;
            kms.createAlias(r -> r.aliasName("alias/orders-" + n).targetKeyId(KEY));
        }
        clients.kms(TableId.DEFAULT_ACCOUNT, "eu-west-1").createAlias(r -> r.aliasName("alias/orders-0")
                .targetKeyId(OTHER_KEY));

        Map<String, String> east = clients.kmsAliases().of(new TableId("us-east-1", "Orders")).orElseThrow();
        Map<String, String> west = clients.kmsAliases().of(new TableId("eu-west-1", "Orders")).orElseThrow();

        assertThat(east).hasSize(61).containsEntry("alias/orders-59", "arn:aws:kms:us-east-1:000000000000:key/" + KEY)
                .containsKey("alias/aws/dynamodb");
        assertThat(west).containsEntry("alias/orders-0", "arn:aws:kms:eu-west-1:000000000000:key/" + OTHER_KEY);
    }

    @Test
    void aKmsThatCannotBeAskedIsCouldNotBeReadAndNothingFails() throws Exception {
        URI closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + free.getLocalPort());
        }
        AwsSettings.CallTimeouts quick = new AwsSettings.CallTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (DynamoDbClients nowhere = new DynamoDbClients(AwsSettings.endpoint(closed).withTimeouts(quick))) {
            assertThat(nowhere.kmsAliases().of(new TableId("us-east-1", "Orders"))).isEmpty();
        }
    }

    @Test
    void anAliasWithoutATargetKeyHasNoKeyArn() {
        assertThat(KmsAliases.keyArn(software.amazon.awssdk.services.kms.model.AliasListEntry.builder()
                .aliasName("alias/aws/s3").aliasArn("arn:aws:kms:us-east-1:111122223333:alias/aws/s3").build()))
                .isEmpty();
    }
}
