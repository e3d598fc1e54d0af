package io.ddbgitops.aws;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.ObservedTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a live table into an {@link ObservedTable}. Read-only: only Describe* and List* calls. */
public final class LiveStateReader {
    private final DynamoDbClients clients;

    public LiveStateReader(DynamoDbClients clients) {
        this.clients = clients;
    }

    public Optional<ObservedTable> read(TableId id) {
        DynamoDbClient client = clients.forRegion(id.region());
        TableDescription table;
        try {
            table = client.describeTable(r -> r.tableName(id.tableName())).table();
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        }
        return Optional.of(new ObservedTable(
                id,
                table.tableArn(),
                table.tableStatusAsString(),
                key(table, KeyType.HASH).orElseThrow(() -> new IllegalStateException(id + " has no partition key")),
                key(table, KeyType.RANGE),
                billingMode(table),
                capacity(table.provisionedThroughput() == null ? null : table.provisionedThroughput().readCapacityUnits()),
                capacity(table.provisionedThroughput() == null ? null : table.provisionedThroughput().writeCapacityUnits()),
                pitr(client, id),
                tags(client, table.tableArn())));
    }

    private static Optional<KeyAttribute> key(TableDescription table, KeyType type) {
        return table.keySchema().stream()
                .filter(k -> k.keyType() == type)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .map(name -> new KeyAttribute(name, attributeType(table.attributeDefinitions(), name)));
    }

    private static AttributeType attributeType(List<AttributeDefinition> definitions, String name) {
        return definitions.stream()
                .filter(d -> d.attributeName().equals(name))
                .findFirst()
                .map(d -> AttributeType.valueOf(d.attributeTypeAsString()))
                .orElseThrow(() -> new IllegalStateException("no attribute definition for key " + name));
    }

    private static BillingMode billingMode(TableDescription table) {
        BillingModeSummary summary = table.billingModeSummary();
        if (summary != null && "PAY_PER_REQUEST".equals(summary.billingModeAsString())) {
            return BillingMode.PAY_PER_REQUEST;
        }
        return BillingMode.PROVISIONED;
    }

    private static long capacity(Long units) {
        return units == null ? 0 : units;
    }

    private static Optional<Boolean> pitr(DynamoDbClient client, TableId id) {
        ContinuousBackupsDescription backups = client
                .describeContinuousBackups(r -> r.tableName(id.tableName()))
                .continuousBackupsDescription();
        if (backups == null || backups.pointInTimeRecoveryDescription() == null) {
            return Optional.empty();
        }
        return Optional.of(backups.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()
                == PointInTimeRecoveryStatus.ENABLED);
    }

    private static Map<String, String> tags(DynamoDbClient client, String arn) {
        Map<String, String> tags = new TreeMap<>();
        String next = null;
        do {
            String token = next;
            ListTagsOfResourceResponse page = client.listTagsOfResource(r -> r.resourceArn(arn).nextToken(token));
            for (Tag tag : page.tags()) {
                tags.put(tag.key(), tag.value());
            }
            next = page.nextToken();
        } while (next != null);
        return tags;
    }
}
