package io.ddbgitops.aws;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.LocalSecondaryIndex;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.manifest.TableOptions;
import io.ddbgitops.plan.Action;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the SDK requests for table-level actions from our own types. */
final class TableRequests {
    private TableRequests() {}

    static CreateTableRequest create(Action.CreateTable create) {
        TableManifest m = create.manifest();
        TableOptions o = m.options();
        boolean provisioned = o.billingMode() == BillingMode.PROVISIONED;
        Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
        attributes.put(m.partitionKey().name(), m.partitionKey());
        m.sortKey().ifPresent(k -> attributes.put(k.name(), k));
        List<GlobalSecondaryIndex> gsis = o.globalSecondaryIndexes().orElse(List.of());
        List<LocalSecondaryIndex> lsis = o.localSecondaryIndexes().orElse(List.of());
        gsis.forEach(g -> {
            g.partitionKeys().forEach(k -> attributes.putIfAbsent(k.name(), k));
            g.sortKeys().forEach(k -> attributes.putIfAbsent(k.name(), k));
        });
        lsis.forEach(l -> attributes.putIfAbsent(l.sortKey().name(), l.sortKey()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(m.tableName())
                .keySchema(keys(m.partitionKey(), m.sortKey()))
                .attributeDefinitions(definitions(attributes.values()))
                .billingMode(o.billingMode().name())
                .tags(tags(create.tags()));
        if (provisioned) {
            request.provisionedThroughput(throughput(m.readCapacity(), m.writeCapacity()));
        } else if (o.maxReadRequestUnits().isPresent() || o.maxWriteRequestUnits().isPresent()) {
            request.onDemandThroughput(onDemand(o.maxReadRequestUnits(), o.maxWriteRequestUnits()));
        }
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis.stream().map(g -> {
                var index = software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
                        .indexName(g.indexName())
                        .keySchema(indexKeys(g))
                        .projection(projection(g.projection()));
                if (provisioned) {
                    index.provisionedThroughput(throughput(g.readCapacity().orElse(m.readCapacity()),
                            g.writeCapacity().orElse(m.writeCapacity())));
                } else if (g.maxReadRequestUnits().isPresent() || g.maxWriteRequestUnits().isPresent()) {
                    index.onDemandThroughput(SettingRequests.caps(g.maxReadRequestUnits(), g.maxWriteRequestUnits()));
                }
                g.warmThroughput().ifPresent(w -> index.warmThroughput(SettingRequests.warm(w)));
                return index.build();
            }).toList());
        }
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis.stream().map(l -> software.amazon.awssdk.services.dynamodb.model
                    .LocalSecondaryIndex.builder()
                    .indexName(l.indexName())
                    .keySchema(keys(m.partitionKey(), Optional.of(l.sortKey())))
                    .projection(projection(l.projection()))
                    .build()).toList());
        }
        o.streamViewType().ifPresent(v -> request.streamSpecification(StreamSpecification.builder()
                .streamEnabled(true).streamViewType(v.name()).build()));
        o.deletionProtection().ifPresent(request::deletionProtectionEnabled);
        o.tableClass().ifPresent(c -> request.tableClass(c.name()));
        o.sse().ifPresent(s -> request.sseSpecification(sse(s)));
        o.warmThroughput().ifPresent(w -> request.warmThroughput(SettingRequests.warm(w)));
        return request.build();
    }

    static UpdateTableRequest throughput(String table, Action.UpdateThroughput update) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder()
                .tableName(table)
                .billingMode(update.billingMode().name());
        if (update.billingMode() == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(update.readCapacity(), update.writeCapacity()));
            if (!update.indexes().isEmpty()) {
                request.globalSecondaryIndexUpdates(update.indexes().stream().map(TableRequests::indexUpdate).toList());
            }
        } else if (update.maxRead().isPresent() || update.maxWrite().isPresent()) {
            request.onDemandThroughput(onDemand(update.maxRead(), update.maxWrite()));
        }
        return request.build();
    }

    static UpdateTableRequest deleteIndex(String table, String index) {
        return UpdateTableRequest.builder().tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .delete(d -> d.indexName(index)).build())
                .build();
    }

    static UpdateTableRequest indexThroughput(String table, Action.IndexThroughput throughput) {
        return UpdateTableRequest.builder().tableName(table)
                .globalSecondaryIndexUpdates(indexUpdate(throughput))
                .build();
    }

    static UpdateTableRequest createIndex(String table, Action.CreateIndex create) {
        GlobalSecondaryIndex g = create.index();
        Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
        g.partitionKeys().forEach(k -> attributes.putIfAbsent(k.name(), k));
        g.sortKeys().forEach(k -> attributes.putIfAbsent(k.name(), k));
        CreateGlobalSecondaryIndexAction.Builder index = CreateGlobalSecondaryIndexAction.builder()
                .indexName(g.indexName())
                .keySchema(indexKeys(g))
                .projection(projection(g.projection()));
        create.throughput().ifPresent(t -> index.provisionedThroughput(throughput(t.readCapacity(), t.writeCapacity())));
        if (create.throughput().isEmpty() && (g.maxReadRequestUnits().isPresent() || g.maxWriteRequestUnits().isPresent())) {
            index.onDemandThroughput(SettingRequests.caps(g.maxReadRequestUnits(), g.maxWriteRequestUnits()));
        }
        g.warmThroughput().ifPresent(w -> index.warmThroughput(SettingRequests.warm(w)));
        return UpdateTableRequest.builder().tableName(table)
                .attributeDefinitions(definitions(attributes.values()))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(index.build()).build())
                .build();
    }

    static SSESpecification sse(SseSpec sse) {
        if (sse.type() == SseSpec.Type.AES256) {
            // "Disabled" is how the API names the AWS owned key, the default.
            return SSESpecification.builder().enabled(false).build();
        }
        SSESpecification.Builder kms = SSESpecification.builder().enabled(true).sseType("KMS");
        sse.kmsKeyId().ifPresent(kms::kmsMasterKeyId);
        return kms.build();
    }

    static List<Tag> tags(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    private static GlobalSecondaryIndexUpdate indexUpdate(Action.IndexThroughput t) {
        return GlobalSecondaryIndexUpdate.builder()
                .update(u -> u.indexName(t.indexName())
                        .provisionedThroughput(throughput(t.readCapacity(), t.writeCapacity())))
                .build();
    }

    /** Every partition key attribute (HASH), then every sort key attribute (RANGE), in the declared order. */
    private static List<KeySchemaElement> indexKeys(GlobalSecondaryIndex g) {
        List<KeySchemaElement> keys = new ArrayList<>();
        g.partitionKeys().forEach(k -> keys.add(KeySchemaElement.builder().attributeName(k.name())
                .keyType(KeyType.HASH).build()));
        g.sortKeys().forEach(k -> keys.add(KeySchemaElement.builder().attributeName(k.name())
                .keyType(KeyType.RANGE).build()));
        return keys;
    }

    private static List<KeySchemaElement> keys(KeyAttribute partition, Optional<KeyAttribute> sort) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        sort.ifPresent(k -> keys.add(KeySchemaElement.builder().attributeName(k.name()).keyType(KeyType.RANGE).build()));
        return keys;
    }

    private static List<AttributeDefinition> definitions(java.util.Collection<KeyAttribute> attributes) {
        return attributes.stream()
                .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type().name()).build())
                .toList();
    }

    private static Projection projection(io.ddbgitops.manifest.Projection projection) {
        Projection.Builder p = Projection.builder().projectionType(projection.type().name());
        if (!projection.nonKeyAttributes().isEmpty()) {
            p.nonKeyAttributes(projection.nonKeyAttributes());
        }
        return p.build();
    }

    private static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    private static OnDemandThroughput onDemand(Optional<Long> maxRead, Optional<Long> maxWrite) {
        OnDemandThroughput.Builder caps = OnDemandThroughput.builder();
        maxRead.ifPresent(caps::maxReadRequestUnits);
        maxWrite.ifPresent(caps::maxWriteRequestUnits);
        return caps.build();
    }
}
