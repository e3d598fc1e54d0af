package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class LocalEndpointSharingIT {
    private static LocalEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void showsTheSameTablesToEveryAccessKeyInARegion() {
        try (DynamoDbClient alice = Clients.client(endpoint, "us-east-1", "AKIDALICE");
                DynamoDbClient bob = Clients.client(endpoint, "us-east-1", "AKIDBOB")) {
            alice.createTable(Clients.simpleTable("shared").build());
            Clients.putItems(alice, "shared", 2);

            assertThat(bob.listTables().tableNames()).contains("shared");
            assertThat(bob.scan(r -> r.tableName("shared")).count()).isEqualTo(2);
        }
    }

    @Test
    void keepsRegionsApart() {
        try (DynamoDbClient east = Clients.client(endpoint, "us-east-1", "AKIDEAST");
                DynamoDbClient west = Clients.client(endpoint, "eu-west-1", "AKIDWEST")) {
            east.createTable(Clients.simpleTable("only-in-east").build());
            west.createTable(Clients.simpleTable("only-in-west").build());

            assertThat(east.listTables().tableNames()).contains("only-in-east").doesNotContain("only-in-west");
            assertThat(west.listTables().tableNames()).contains("only-in-west").doesNotContain("only-in-east");
            assertThat(west.describeTable(r -> r.tableName("only-in-west")).table().tableArn())
                    .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/only-in-west");
        }
    }

    @Test
    void keepsBackupsPerRegion() {
        try (DynamoDbClient east = Clients.client(endpoint, "us-east-1", "AKIDEAST");
                DynamoDbClient west = Clients.client(endpoint, "eu-west-1", "AKIDWEST")) {
            east.createTable(Clients.simpleTable("regional-backup").build());
            east.createBackup(r -> r.tableName("regional-backup").backupName("east-only"));

            assertThat(east.listBackups(r -> r.tableName("regional-backup")).backupSummaries()).hasSize(1);
            assertThat(west.listBackups(r -> r.tableName("regional-backup")).backupSummaries()).isEmpty();
        }
    }
}
