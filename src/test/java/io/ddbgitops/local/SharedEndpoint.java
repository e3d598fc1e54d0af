package io.ddbgitops.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

/** One in-memory endpoint and a us-east-1 client per test class; each test uses its own table names. */
abstract class SharedEndpoint {
    static LocalEndpoint endpoint;
    static DynamoDbClient client;

    @BeforeAll
    static void startEndpoint() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        client = Clients.client(endpoint);
    }

    @AfterAll
    static void stopEndpoint() {
        client.close();
        endpoint.close();
    }
}
