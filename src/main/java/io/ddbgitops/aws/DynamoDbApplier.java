package io.ddbgitops.aws;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Action;
import io.ddbgitops.plan.TablePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a {@link TablePlan}'s actions in order, one UpdateTable in flight per table, waiting for ACTIVE
 * between steps. A failure stops this table's remaining actions and is returned, never thrown, so one table
 * cannot stop the others.
 */
public final class DynamoDbApplier {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbApplier.class);

    private final DynamoDbClients clients;
    private final TableWaiter waiter;
    private final Backoff backoff;

    public DynamoDbApplier(DynamoDbClients clients) {
        this.clients = clients;
        this.waiter = new TableWaiter(clients.settings().waitTimeout(), Duration.ofMillis(250));
        this.backoff = Backoff.standard();
    }

    public ApplyOutcome apply(TablePlan plan) {
        TableId id = plan.manifest().tableId();
        DynamoDbClient client = clients.forRegion(id.region());
        List<String> done = new ArrayList<>();
        for (Action action : plan.actions()) {
            LOG.info("{}: {}", id, action.describe());
            try {
                execute(client, id, action);
                done.add(action.describe());
            } catch (SdkException | TableWaiter.TableWaitTimeoutException | RestoreException e) {
                String reason = action.describe() + " failed: " + AwsErrors.describe(e);
                LOG.error("{}: {}", id, reason);
                return ApplyOutcome.failed(done, reason);
            }
        }
        return ApplyOutcome.succeeded(done);
    }

    private void execute(DynamoDbClient client, TableId id, Action action) {
        // Java 17: no pattern matching for switch yet.
        if (action instanceof Action.CreateTable create) {
            backoff.run(() -> client.createTable(createRequest(create)));
            waiter.awaitActive(client, id);
        } else if (action instanceof Action.RestoreTable restore) {
            restore(client, id, restore);
        } else if (action instanceof Action.UpdateThroughput update) {
            waiter.awaitActive(client, id);
            backoff.run(() -> client.updateTable(updateRequest(id, update)));
            waiter.awaitActive(client, id);
        } else if (action instanceof Action.UpdatePitr pitr) {
            backoff.run(() -> client.updateContinuousBackups(r -> r
                    .tableName(id.tableName())
                    .pointInTimeRecoverySpecification(s -> {
                        s.pointInTimeRecoveryEnabled(pitr.enabled());
                        pitr.recoveryPeriodDays().ifPresent(s::recoveryPeriodInDays);
                    })));
        } else if (action instanceof Action.TagTable tag) {
            String arn = client.describeTable(r -> r.tableName(id.tableName())).table().tableArn();
            backoff.run(() -> client.tagResource(r -> r.resourceArn(arn).tags(tags(tag.tags()))));
        } else {
            throw new IllegalArgumentException("no applier for " + action);
        }
    }

    private void restore(DynamoDbClient client, TableId id, Action.RestoreTable restore) {
        TableManifest m = restore.manifest();
        new TableRestorer(clients.settings().waitTimeout()).restore(client, id, restore.source(),
                Optional.of(new TableRestorer.Capacity(m.options().billingMode(), m.readCapacity(), m.writeCapacity())),
                step -> LOG.info("{}: {}", id, step));
        String arn = client.describeTable(r -> r.tableName(id.tableName())).table().tableArn();
        backoff.run(() -> client.tagResource(r -> r.resourceArn(arn).tags(tags(restore.tags()))));
    }

    static CreateTableRequest createRequest(Action.CreateTable create) {
        TableManifest m = create.manifest();
        Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
        attributes.put(m.partitionKey().name(), m.partitionKey());
        m.sortKey().ifPresent(k -> attributes.put(k.name(), k));
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(m.partitionKey().name()).keyType(KeyType.HASH).build());
        m.sortKey().ifPresent(k -> keys.add(
                KeySchemaElement.builder().attributeName(k.name()).keyType(KeyType.RANGE).build()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(m.tableName())
                .keySchema(keys)
                .attributeDefinitions(attributes.values().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type().name()).build())
                        .toList())
                .billingMode(m.options().billingMode().name())
                .tags(tags(create.tags()));
        if (m.options().billingMode() == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(m.readCapacity(), m.writeCapacity()));
        }
        return request.build();
    }

    private static UpdateTableRequest updateRequest(TableId id, Action.UpdateThroughput update) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder()
                .tableName(id.tableName())
                .billingMode(update.billingMode().name());
        if (update.billingMode() == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(update.readCapacity(), update.writeCapacity()));
        }
        return request.build();
    }

    private static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return new java.util.TreeMap<>(tags).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    /** What happened to one table's actions. */
    public record ApplyOutcome(List<String> applied, Optional<String> failure) {
        public ApplyOutcome {
            applied = List.copyOf(applied);
        }

        static ApplyOutcome succeeded(List<String> applied) {
            return new ApplyOutcome(applied, Optional.empty());
        }

        static ApplyOutcome failed(List<String> applied, String reason) {
            return new ApplyOutcome(applied, Optional.of(reason));
        }

        public boolean ok() {
            return failure.isEmpty();
        }
    }
}
