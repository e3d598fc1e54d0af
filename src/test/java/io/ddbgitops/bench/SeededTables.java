package io.ddbgitops.bench;

import io.ddbgitops.plan.Ownership;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tables that hold data before the tool runs, made as a previous run of the tool would have made them (key schema of
 * {@code Manifests.table}, our ownership tag), with a few items each; and the item-by-item check that none was lost.
 */
final class SeededTables {
    static final int ITEMS_PER_TABLE = 5;

    private SeededTables() {}

    /** Creates the table with throughput 1/1 (so the manifest's capacity is a change to apply) and puts the items. */
    static void create(DynamoDbClient client, String table, String manifestId) {
        client.createTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("at").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH),
                        k -> k.attributeName("at").keyType(KeyType.RANGE))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .tags(t -> t.key(Ownership.TAG_KEY).value(manifestId)));
        for (Map<String, AttributeValue> item : items(table)) {
            client.putItem(r -> r.tableName(table).item(item));
        }
    }

    static List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS_PER_TABLE; i++) {
            items.add(Map.of("id", AttributeValue.fromS(table + "-item-" + i),
                    "at", AttributeValue.fromN(Integer.toString(1000 + i)),
                    "payload", AttributeValue.fromS("value " + i + " of " + table)));
        }
        return items;
    }

    /** How many of the table's seeded items are missing or changed, read one by one, strongly consistent. */
    static int lost(DynamoDbClient client, String table) {
        int lost = 0;
        for (Map<String, AttributeValue> item : items(table)) {
            Map<String, AttributeValue> key = Map.of("id", item.get("id"), "at", item.get("at"));
            Map<String, AttributeValue> found = client.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                    .item();
            if (!item.equals(found)) {
                lost++;
            }
        }
        return lost;
    }
}
