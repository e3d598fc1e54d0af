package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UpdateTable: DynamoDB Local applies what it knows (billing, throughput, indexes, streams, deletion protection),
 * the front applies SSESpecification, TableClass and ReplicaUpdates, which DynamoDB Local ignores or answers
 * "Nothing to update", and OnDemandThroughput, which DynamoDB Local drops (or fails on) unless both caps are set.
 * Warm throughput and index caps are kept by {@link WarmThroughputs}. A request with only the front's fields never
 * reaches DynamoDB Local.
 */
final class UpdateTableOperation {
    /** Sends a request body on to DynamoDB Local with the client's own headers. */
    interface Forwarder {
        WireResponse forward(byte[] body) throws IOException, InterruptedException;
    }

    private static final Set<String> FRONT_FIELDS = Set.of("SSESpecification", "TableClass", "ReplicaUpdates",
            "OnDemandThroughput", "MultiRegionConsistency", "GlobalTableWitnessUpdates");
    /** The fields of one global-table change, which goes alone in its UpdateTable. */
    private static final Set<String> GLOBAL_FIELDS =
            Set.of("ReplicaUpdates", "MultiRegionConsistency", "GlobalTableWitnessUpdates");
    private static final Set<String> TABLE_CLASSES = Set.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");
    /**
     * AWS's answer to an UpdateTable with nothing but TableName (or an empty GlobalSecondaryIndexUpdates), checked
     * before the table's existence; the API reference lists no such rule, the text is DynamoDB's as observed on
     * 2026-10-08 (ack-api-quirks finding DDB-TABLE-015, quoted in public code, checked 2026-12-01).
     */
    static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
            + " GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady,"
            + " ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput,"
            + " WarmThroughput or TableClass is required";
    private static final Duration INDEX_JOB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INDEX_JOB_POLL = Duration.ofMillis(5);

    private final FrontState state;
    private final Engine engine;
    private final ReplicaOperations replicas;
    private final StrongConsistencyOperations strongConsistency;
    private final SlowWork slowWork;
    private final Clock clock;

    private final KmsOperations kms;

    UpdateTableOperation(FrontState state, Engine engine, ReplicaOperations replicas,
            StrongConsistencyOperations strongConsistency, SlowWork slowWork, Clock clock, KmsOperations kms) {
        this.kms = kms;
        this.strongConsistency = strongConsistency;
        this.state = state;
        this.engine = engine;
        this.replicas = replicas;
        this.slowWork = slowWork;
        this.clock = clock;
    }

    /** The answer carries DynamoDB Local's TableDescription; the caller adds the front's features to it. */
    WireResponse update(String region, ObjectNode request, Forwarder forwarder)
            throws IOException, InterruptedException {
        ObjectNode enginePart = request.deepCopy();
        enginePart.remove(FRONT_FIELDS);
        TableKey named = TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
        ObjectNode beforeWarm = enginePart.deepCopy();
        Map<String, WarmThroughputs.Kept> indexes = WarmThroughputs.fromUpdateTable(enginePart,
                state.features(named).indexes(), () -> existing(named));
        // warm throughput or an index's caps, taken out for the front to keep, are changes too
        boolean frontKept = !beforeWarm.equals(enginePart);
        boolean engineChanges = hasChanges(enginePart);
        boolean otherFrontChanges = FRONT_FIELDS.stream()
                .anyMatch(field -> !GLOBAL_FIELDS.contains(field) && request.has(field));
        if (GLOBAL_FIELDS.stream().anyMatch(request::has) && (engineChanges || otherFrontChanges)) {
            throw AwsException.validation("One or more parameter values were invalid: ReplicaUpdates cannot be"
                    + " combined with other table updates in one UpdateTable request");
        }
        if (!engineChanges && !frontKept && FRONT_FIELDS.stream().noneMatch(request::has)) {
            throw AwsException.validation(NOTHING_TO_UPDATE);
        }
        TableKey table = TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
        Optional<String> tableClass = validTableClass(request);
        validateCaps(request);
        Optional<Optional<String>> kmsKey = request.has("SSESpecification")
                ? Optional.of(kmsKey(request.get("SSESpecification"), table.region(), kms::keyArn))
                : Optional.empty();
        slowWork.checkUpdate(table, request);
        refuseStreamChangeOfReplica(table, request);
        if (engineChanges) {
            WireResponse response = forwarder.forward(Json.bytes(enginePart));
            if (!response.isSuccess()) {
                return response;
            }
            awaitNewIndexes(table, enginePart);
        } else {
            existing(table);
        }
        if (strongConsistency.concerns(table, request)) {
            strongConsistency.apply(table, request);
        } else if (request.has("ReplicaUpdates")) {
            replicas.apply(table, request.get("ReplicaUpdates"));
        }
        double now = clock.millis() / 1000.0;
        state.updateFeatures(table, current -> {
            TableFeatures features = current;
            if (tableClass.isPresent()) {
                features = features.withTableClass(tableClass.get(), now);
            }
            if (kmsKey.isPresent()) {
                features = features.withKmsKey(kmsKey.get());
            }
            if (request.has("OnDemandThroughput")) {
                features = withCaps(features, request.get("OnDemandThroughput"));
            }
            return features.withIndexes(indexes);
        });
        slowWork.updated(table, request);
        return WireResponse.ok(Json.object().set("TableDescription", existing(table)));
    }

    /**
     * A table with replicas replicates through its stream, which therefore cannot be disabled (nor its view type
     * changed, which takes a disable); AWS's answer, as clients report it. See
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html (2026-12-01).
     */
    private void refuseStreamChangeOfReplica(TableKey table, ObjectNode request) {
        JsonNode stream = request.path("StreamSpecification");
        if (!stream.isMissingNode() && !stream.path("StreamEnabled").asBoolean(true)
                && !state.features(table).replicas().isEmpty()) {
            throw AwsException.validation("One or more parameter values were invalid: Disabling Stream is not allowed"
                    + " for a Global Table replica.");
        }
    }

    /**
     * DynamoDB Local builds a new index in a background job that takes milliseconds; the front waits for it, so what
     * clients see of the index follows {@link SlowWork} alone. It also keeps DynamoDB Local's shutdown from hanging:
     * a job still running then is waited for on a stale status that never changes.
     */
    private void awaitNewIndexes(TableKey table, ObjectNode enginePart) throws InterruptedException {
        List<String> created = new ArrayList<>();
        enginePart.path("GlobalSecondaryIndexUpdates").forEach(u -> {
            if (u.has("Create")) {
                created.add(u.get("Create").path("IndexName").asText());
            }
        });
        long deadline = System.nanoTime() + INDEX_JOB_TIMEOUT.toNanos();
        while (!created.isEmpty() && System.nanoTime() < deadline) {
            Optional<ObjectNode> description;
            try {
                description = engine.describeTable(table.region(), table.table());
            } catch (AwsException e) {
                // DynamoDB Local's DescribeTable counts the new index's items in a column its job has not added yet
                // and fails with InternalFailure ("no such column: indexKey_N"); the job is still running.
                if (!e.code().endsWith("InternalFailure")) {
                    throw e;
                }
                Thread.sleep(INDEX_JOB_POLL.toMillis());
                continue;
            }
            if (description.isEmpty()) {
                return;
            }
            description.get().path("GlobalSecondaryIndexes").forEach(index -> {
                if (index.path("IndexStatus").asText().equals("ACTIVE")) {
                    created.remove(index.path("IndexName").asText());
                }
            });
            if (!created.isEmpty()) {
                Thread.sleep(INDEX_JOB_POLL.toMillis());
            }
        }
    }

    /** CreateTable's SSESpecification and TableClass, which DynamoDB Local accepts and drops. */
    void rememberCreateTable(String region, ObjectNode request) {
        TableKey table = new TableKey(region, Json.requiredText(request, "TableName"));
        TableFeatures features = TableFeatures.DEFAULT;
        Optional<String> tableClass = Json.text(request, "TableClass");
        if (tableClass.isPresent()) {
            features = features.withTableClass(tableClass.get(), clock.millis() / 1000.0);
        }
        if (request.has("SSESpecification")) {
            features = features.withKmsKey(kmsKey(request.get("SSESpecification"), region, kms::keyArn));
        }
        if (request.has("OnDemandThroughput")) {
            features = withCaps(features, request.get("OnDemandThroughput"));
        }
        state.setFeatures(table, features.withIndexes(WarmThroughputs.fromCreateTable(request.deepCopy())));
    }

    /** CreateTable as DynamoDB Local gets it: on-demand caps and warm throughput stay with the front. */
    static ObjectNode forEngine(ObjectNode createTable) {
        ObjectNode forwarded = createTable.deepCopy();
        forwarded.remove("OnDemandThroughput");
        WarmThroughputs.fromCreateTable(forwarded);
        return forwarded;
    }

    /** A cap left out keeps its current value, as on AWS; -1 removes it. */
    private static TableFeatures withCaps(TableFeatures features, JsonNode caps) {
        return features.withOnDemandCaps(caps.path("MaxReadRequestUnits").asLong(features.maxReadRequestUnits()),
                caps.path("MaxWriteRequestUnits").asLong(features.maxWriteRequestUnits()));
    }

    private static void validateCaps(ObjectNode request) {
        for (String cap : new String[] {"MaxReadRequestUnits", "MaxWriteRequestUnits"}) {
            JsonNode value = request.path("OnDemandThroughput").path(cap);
            if (!value.isMissingNode() && (!value.canConvertToLong()
                    || (value.asLong() < 1 && value.asLong() != TableFeatures.UNCAPPED))) {
                throw AwsException.validation("One or more parameter values were invalid: " + cap
                        + " must be at least 1, or -1 for no limit, got " + value);
            }
        }
    }

    private static Optional<String> validTableClass(ObjectNode request) {
        Optional<String> tableClass = Json.text(request, "TableClass");
        tableClass.filter(c -> !TABLE_CLASSES.contains(c)).ifPresent(c -> {
            throw AwsException.validation("1 validation error detected: Value '" + c + "' at 'tableClass' failed"
                    + " to satisfy constraint: Member must satisfy enum value set: " + TABLE_CLASSES);
        });
        return tableClass;
    }

    /** Validates what DynamoDB Local would not, before the table is created. */
    static void validateCreateTable(ObjectNode request) {
        validTableClass(request);
        validateCaps(request);
        if (request.has("SSESpecification")) {
            kmsKey(request.get("SSESpecification"), SigV4Authorization.DEFAULT_REGION, KmsKeys::keyArn);
        }
    }

    /** Enabled (or SSEType KMS) = a KMS key; Enabled false = the AWS owned key, which has no SSEDescription. */
    private static Optional<String> kmsKey(JsonNode spec, String region,
            java.util.function.BinaryOperator<String> keyArn) {
        String type = Json.text(spec, "SSEType").orElse("KMS");
        boolean enabled = spec.path("Enabled").asBoolean(spec.has("SSEType"));
        Optional<String> keyId = Json.text(spec, "KMSMasterKeyId").filter(k -> !k.isEmpty());
        if (!enabled || !type.equals("KMS")) {
            if (keyId.isPresent()) {
                throw AwsException.validation("One or more parameter values were invalid: KMSMasterKeyId can only"
                        + " be specified when SSE is enabled with SSEType KMS, got SSEType " + type);
            }
            return Optional.empty();
        }
        return Optional.of(keyArn.apply(keyId.orElse(KmsKeys.AWS_MANAGED_ALIAS), region));
    }

    /** Anything but TableName counts, except an empty GlobalSecondaryIndexUpdates, which AWS treats as absent. */
    private static boolean hasChanges(ObjectNode enginePart) {
        Iterator<String> names = enginePart.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            boolean emptyIndexUpdates = name.equals("GlobalSecondaryIndexUpdates")
                    && enginePart.get(name).isArray() && enginePart.get(name).isEmpty();
            if (!name.equals("TableName") && !emptyIndexUpdates) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode existing(TableKey table) {
        return engine.describeTable(table.region(), table.table()).orElseThrow(() -> AwsException.resourceNotFound(
                "Requested resource not found: Table: " + table.table() + " not found"));
    }
}
