package io.ddbgitops.lease;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;

/**
 * The lock table, created when missing. The lock client's own {@code createLockTableInDynamoDB} only creates
 * provisioned tables; a table used a few times an hour costs nothing on demand, so it is created here with the lock
 * client's schema (partition key {@code key}, a string) and PAY_PER_REQUEST, then awaited with the SDK's waiter.
 * Two runs creating it at once is fine: the loser gets ResourceInUseException and waits like the winner.
 */
final class LockTable {
    /** The lock client's default partition key name ({@code AmazonDynamoDBLockClientOptions.DEFAULT_PARTITION_KEY_NAME}). */
    static final String KEY = "key";
    private static final Logger LOG = LoggerFactory.getLogger(LockTable.class);
    // CreateTable of a one-key on-demand table takes seconds; poll every second for at most five minutes.
    private static final WaiterOverrideConfiguration WAIT = WaiterOverrideConfiguration.builder()
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofSeconds(1)))
            .waitTimeout(Duration.ofMinutes(5)).maxAttempts(300).build();

    private LockTable() {}

    static void ensure(DynamoDbClient client, String table) {
        try {
            if (client.describeTable(r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
        } catch (ResourceNotFoundException missing) {
            create(client, table);
        }
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).overrideConfiguration(WAIT).build()) {
            waiter.waitUntilTableExists(r -> r.tableName(table)).matched().exception().ifPresent(e -> {
                throw new IllegalStateException("the lock table " + table + " did not become ACTIVE: " + e.getMessage(), e);
            });
        }
    }

    private static void create(DynamoDbClient client, String table) {
        try {
            client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName(KEY).keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName(KEY).attributeType(ScalarAttributeType.S)));
            LOG.info("created the lock table {} (on-demand)", table);
        } catch (ResourceInUseException anotherRunCreatesIt) {
            LOG.info("the lock table {} is being created by another run", table);
        }
    }
}
