package io.ddbgitops.aws;

import io.ddbgitops.manifest.AttributeType;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.Projection;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.StreamViewType;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.ForeignTable;
import io.ddbgitops.plan.ObservedIndex;
import io.ddbgitops.plan.Ownership;
import io.ddbgitops.plan.ObservedTable;
import io.ddbgitops.plan.kinesis.LiveKinesis;
import io.ddbgitops.plan.policy.LivePolicy;
import io.ddbgitops.plan.ThroughputHistory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads a live table into an {@link ObservedTable}, with its auto scaling ({@link AutoScalingReader}). Read-only:
 * only Describe* and List* calls. A setting whose Describe call the endpoint does not implement is read as unknown,
 * and the planner leaves it alone.
 */
public final class LiveStateReader {
    // InvalidAction: what DynamoDB Local answers to an operation of another service (Application Auto Scaling).
    private static final Set<String> UNSUPPORTED = Set.of("UnknownOperationException", "UnrecognizedClientException",
            "InvalidAction");

    private final DynamoDbClients clients;
    private final AutoScalingReader scaling;

    public LiveStateReader(DynamoDbClients clients) {
        this.clients = clients;
        this.scaling = new AutoScalingReader();
    }

    /**
     * The table, reading only what {@code needs} says the plan and the report use (README "Reads"), and what a
     * region-wide listing answers from {@code listings}: a table the region's listing does not name is absent
     * without a DescribeTable of its own.
     */
    public LiveTable read(TableId id, ReadNeeds needs, RegionListings listings) {
        if (listings.listed(id).equals(Optional.of(false))) {
            return LiveTable.ABSENT;
        }
        DynamoDbClient client = clients.forTable(id);
        TableDescription table;
        try {
            table = client.describeTable(r -> r.tableName(id.tableName())).table();
        } catch (ResourceNotFoundException missing) {
            return LiveTable.ABSENT;
        }
        List<AttributeDefinition> definitions = table.attributeDefinitions();
        Optional<PointInTimeRecoveryDescription> pitr = pitr(client, id);
        ObservedTable.Builder observed = ObservedTable
                .builder(id, key(table.keySchema(), definitions, KeyType.HASH)
                        .orElseThrow(() -> new IllegalStateException(id + " has no partition key")))
                .arn(table.tableArn())
                .status(table.tableStatusAsString())
                .sortKey(key(table.keySchema(), definitions, KeyType.RANGE))
                .billingMode(billingMode(table))
                .capacity(read(table.provisionedThroughput()), write(table.provisionedThroughput()))
                .maxReadRequestUnits(positive(table.onDemandThroughput() == null ? null
                        : table.onDemandThroughput().maxReadRequestUnits()))
                .maxWriteRequestUnits(positive(table.onDemandThroughput() == null ? null
                        : table.onDemandThroughput().maxWriteRequestUnits()))
                .history(history(table.provisionedThroughput(), table.billingModeSummary() == null ? null
                        : table.billingModeSummary().lastUpdateToPayPerRequestDateTime()))
                .globalIndexes(table.globalSecondaryIndexes().stream().map(g -> new ObservedIndex(g.indexName(),
                        key(g.keySchema(), definitions, KeyType.HASH).orElseThrow(),
                        key(g.keySchema(), definitions, KeyType.RANGE), projection(g.projection()),
                        read(g.provisionedThroughput()), write(g.provisionedThroughput()),
                        history(g.provisionedThroughput(), null), g.indexStatusAsString(),
                        moreKeys(g.keySchema(), definitions, KeyType.HASH),
                        moreKeys(g.keySchema(), definitions, KeyType.RANGE))).toList())
                .localIndexes(table.localSecondaryIndexes().stream().map(l -> new ObservedIndex(l.indexName(),
                        key(l.keySchema(), definitions, KeyType.HASH).orElseThrow(),
                        key(l.keySchema(), definitions, KeyType.RANGE), projection(l.projection()), 0, 0,
                        ThroughputHistory.none(), "ACTIVE")).toList())
                .pitr(pitr.map(p -> p.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED))
                .pitrRecoveryPeriodDays(pitr.map(PointInTimeRecoveryDescription::recoveryPeriodInDays))
                .stream(table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                        ? Optional.of(StreamViewType.valueOf(table.streamSpecification().streamViewTypeAsString()))
                        : Optional.empty())
                .ttl(needs.timeToLive() ? optional(() -> timeToLive(client, id)) : Optional.empty())
                .deletionProtection(Boolean.TRUE.equals(table.deletionProtectionEnabled()))
                .tableClass(table.tableClassSummary() == null || table.tableClassSummary().tableClass() == null
                        ? TableClass.STANDARD : TableClass.valueOf(table.tableClassSummary().tableClassAsString()))
                .lastTableClassChange(table.tableClassSummary() == null ? Optional.empty()
                        : Optional.ofNullable(table.tableClassSummary().lastUpdateDateTime()))
                .sse(sse(table))
                .replicas(table.replicas().stream().map(r -> r.regionName()).sorted().toList())
                .replicaSettings(ReplicaRequests.observed(table, id.region()))
                .tags(tags(client, table.tableArn()))
                .autoScaling(scaling.read(id, table.globalSecondaryIndexes().stream()
                        .map(g -> g.indexName()).toList(), listings))
                .settings(SettingsReader.read(client, id, table, clients.kmsAliases(), needs.contributorInsights()))
                .resourcePolicy(needs.resourcePolicy() ? ResourcePolicies.read(client, table.tableArn())
                        : LivePolicy.none())
                .kinesis(needs.kinesis() ? KinesisDestinations.read(client, id.tableName()) : LiveKinesis.none())
                .consistency(StrongConsistencyRequests.observed(table));
        return new LiveTable(Optional.of(observed.build()), pitr.map(BackupReader::window));
    }

    /**
     * A live table, or none; with its point-in-time recovery window as the same DescribeContinuousBackups answered it,
     * so that the backup section of the report does not read it a second time. An empty window: unknown.
     */
    public record LiveTable(Optional<ObservedTable> table, Optional<io.ddbgitops.backup.PitrWindow> pitr) {
        public static final LiveTable ABSENT = new LiveTable(Optional.empty(), Optional.empty());
    }

    /** Just enough of a table no manifest declares to decide about it: owner tag and deletion protection. */
    public Optional<ForeignTable> readForeign(TableId id) {
        DynamoDbClient client = clients.forTable(id);
        TableDescription table;
        try {
            table = client.describeTable(r -> r.tableName(id.tableName())).table();
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
        Map<String, String> tags = tags(client, table.tableArn());
        return Optional.of(new ForeignTable(id, Optional.ofNullable(tags.get(Ownership.TAG_KEY)),
                Boolean.TRUE.equals(table.deletionProtectionEnabled()),
                table.replicas().stream().map(r -> r.regionName()).filter(r -> !r.equals(id.region())).toList()));
    }

    private static Optional<KeyAttribute> key(List<KeySchemaElement> keys, List<AttributeDefinition> definitions,
                                              KeyType type) {
        return keys.stream()
                .filter(k -> k.keyType() == type)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .map(name -> new KeyAttribute(name, attributeType(definitions, name)));
    }

    /** The attributes of a multi-attribute key after its first, in key schema order. */
    private static List<KeyAttribute> moreKeys(List<KeySchemaElement> keys, List<AttributeDefinition> definitions,
                                               KeyType type) {
        return keys.stream().filter(k -> k.keyType() == type).skip(1)
                .map(k -> new KeyAttribute(k.attributeName(), attributeType(definitions, k.attributeName()))).toList();
    }

    private static AttributeType attributeType(List<AttributeDefinition> definitions, String name) {
        return definitions.stream()
                .filter(d -> d.attributeName().equals(name))
                .findFirst()
                .map(d -> AttributeType.valueOf(d.attributeTypeAsString()))
                .orElseThrow(() -> new IllegalStateException("no attribute definition for key " + name));
    }

    private static Projection projection(software.amazon.awssdk.services.dynamodb.model.Projection projection) {
        if (projection == null || projection.projectionType() == null) {
            return Projection.all();
        }
        return new Projection(Projection.Type.valueOf(projection.projectionTypeAsString()),
                projection.hasNonKeyAttributes() ? projection.nonKeyAttributes() : List.of());
    }

    private static BillingMode billingMode(TableDescription table) {
        if (table.billingModeSummary() != null && "PAY_PER_REQUEST".equals(table.billingModeSummary().billingModeAsString())) {
            return BillingMode.PAY_PER_REQUEST;
        }
        return BillingMode.PROVISIONED;
    }

    private static long read(ProvisionedThroughputDescription throughput) {
        return throughput == null || throughput.readCapacityUnits() == null ? 0 : throughput.readCapacityUnits();
    }

    private static long write(ProvisionedThroughputDescription throughput) {
        return throughput == null || throughput.writeCapacityUnits() == null ? 0 : throughput.writeCapacityUnits();
    }

    private static ThroughputHistory history(ProvisionedThroughputDescription throughput, Instant lastSwitch) {
        if (throughput == null) {
            return new ThroughputHistory(0, Optional.empty(), Optional.empty(), moment(lastSwitch));
        }
        int decreases = throughput.numberOfDecreasesToday() == null ? 0 : throughput.numberOfDecreasesToday().intValue();
        return new ThroughputHistory(decreases, moment(throughput.lastDecreaseDateTime()),
                moment(throughput.lastIncreaseDateTime()), moment(lastSwitch));
    }

    /** DynamoDB Local reports "never" as the epoch. */
    private static Optional<Instant> moment(Instant instant) {
        return Optional.ofNullable(instant).filter(i -> i.isAfter(Instant.EPOCH));
    }

    private static Optional<Long> positive(Long value) {
        return Optional.ofNullable(value).filter(v -> v > 0);
    }

    private static SseSpec sse(TableDescription table) {
        if (table.sseDescription() == null || !"KMS".equals(table.sseDescription().sseTypeAsString())) {
            return new SseSpec(SseSpec.Type.AES256, Optional.empty());
        }
        return new SseSpec(SseSpec.Type.KMS, Optional.ofNullable(table.sseDescription().kmsMasterKeyArn()));
    }

    private static Optional<PointInTimeRecoveryDescription> pitr(DynamoDbClient client, TableId id) {
        return optional(() -> {
            ContinuousBackupsDescription backups = client
                    .describeContinuousBackups(r -> r.tableName(id.tableName()))
                    .continuousBackupsDescription();
            return backups == null ? null : backups.pointInTimeRecoveryDescription();
        });
    }

    private static ObservedTable.TimeToLive timeToLive(DynamoDbClient client, TableId id) {
        TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(id.tableName())).timeToLiveDescription();
        return new ObservedTable.TimeToLive(Optional.ofNullable(ttl.attributeName()),
                ttl.timeToLiveStatus() == null ? "DISABLED" : ttl.timeToLiveStatusAsString());
    }

    /** A read the endpoint may not implement: unknown rather than a failure. */
    static <T> Optional<T> optional(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && UNSUPPORTED.contains(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
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
