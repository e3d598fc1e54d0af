package io.ddbgitops.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;
import java.util.Map;

/** Real SDK clients against a local endpoint, with dummy static credentials. */
final class Clients {
    private Clients() {}

    static DynamoDbClient client(LocalEndpoint endpoint, String region, String accessKey) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, "dummy-secret")))
                .build();
    }

    static DynamoDbClient client(LocalEndpoint endpoint) {
        return client(endpoint, "us-east-1", "AKIDTEST");
    }

    /** Application Auto Scaling on the same port. */
    static ApplicationAutoScalingClient autoScaling(LocalEndpoint endpoint, String region) {
        return ApplicationAutoScalingClient.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDSCALING", "dummy-secret")))
                .build();
    }

    /** The KMS stand-in on the same port. */
    static KmsClient kms(LocalEndpoint endpoint, String region) {
        return KmsClient.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDKMS", "dummy-secret")))
                .build();
    }

    /** A provisioned table keyed by string "pk" with {@code read}/{@code write} units. */
    static CreateTableRequest.Builder provisionedTable(String name, long read, long write) {
        return simpleTable(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write));
    }

    /** A table keyed by string "pk", on demand. */
    static CreateTableRequest.Builder simpleTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST);
    }

    static void putItems(DynamoDbClient client, String table, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = item(i);
            client.putItem(r -> r.tableName(table).item(item));
        }
    }

    static Map<String, AttributeValue> item(int i) {
        return Map.of("pk", AttributeValue.fromS("item-" + i),
                "n", AttributeValue.fromN(Integer.toString(i)),
                "payload", AttributeValue.fromS("x".repeat(100)));
    }
}
