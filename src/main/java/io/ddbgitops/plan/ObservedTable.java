package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.KeyAttribute;
import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.StreamViewType;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.autoscaling.ObservedScaling;
import io.ddbgitops.plan.settings.ObservedSettings;
import io.ddbgitops.plan.kinesis.LiveKinesis;
import io.ddbgitops.plan.policy.LivePolicy;
import io.ddbgitops.plan.replicas.ObservedConsistency;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a live table looks like, in our own terms (never SDK types): read by the aws adapter, compared by the
 * planner. An empty Optional means the setting could not be read (the endpoint does not support it), so the
 * planner leaves it alone rather than guessing. {@code autoScaling} is what Application Auto Scaling says about the
 * table and its indexes.
 */
public record ObservedTable(
        TableId id,
        String arn,
        String status,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        BillingMode billingMode,
        long readCapacity,
        long writeCapacity,
        Optional<Long> maxReadRequestUnits,
        Optional<Long> maxWriteRequestUnits,
        ThroughputHistory history,
        List<ObservedIndex> globalIndexes,
        List<ObservedIndex> localIndexes,
        Optional<Boolean> pitr,
        Optional<Integer> pitrRecoveryPeriodDays,
        Optional<StreamViewType> stream,
        Optional<TimeToLive> ttl,
        boolean deletionProtection,
        TableClass tableClass,
        Optional<java.time.Instant> lastTableClassChange,
        SseSpec sse,
        Optional<Boolean> contributorInsights,
        List<String> replicas,
        Map<String, String> tags,
        Optional<ObservedScaling> autoScaling,
        ObservedSettings settings,
        LivePolicy resourcePolicy,
        LiveKinesis kinesis,
        Map<String, ReplicaSpec> replicaSettings,
        ObservedConsistency consistency) {

    public ObservedTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
        replicas = List.copyOf(replicas);
        tags = Map.copyOf(tags);
        replicaSettings = Map.copyOf(replicaSettings);
    }

    /** The manifest id ({@code namespace/name}) that owns this table, if we own it. */
    public Optional<String> owner() {
        return Optional.ofNullable(tags.get(Ownership.TAG_KEY));
    }

    public static Builder builder(TableId id, KeyAttribute partitionKey) {
        return new Builder(id, partitionKey);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The TTL setting: the attribute and DynamoDB's status (ENABLED, ENABLING, DISABLED, DISABLING). */
    public record TimeToLive(Optional<String> attribute, String status) {
        public boolean enabled() {
            return status.equals("ENABLED") || status.equals("ENABLING");
        }

        public boolean changing() {
            return status.equals("ENABLING") || status.equals("DISABLING");
        }
    }

    /** Builds observed tables field by field; defaults are those of a fresh provisioned table. */
    public static final class Builder {
        private TableId id;
        private String arn;
        private String status = "ACTIVE";
        private KeyAttribute partitionKey;
        private Optional<KeyAttribute> sortKey = Optional.empty();
        private BillingMode billingMode = BillingMode.PROVISIONED;
        private long readCapacity;
        private long writeCapacity;
        private Optional<Long> maxReadRequestUnits = Optional.empty();
        private Optional<Long> maxWriteRequestUnits = Optional.empty();
        private ThroughputHistory history = ThroughputHistory.none();
        private List<ObservedIndex> globalIndexes = List.of();
        private List<ObservedIndex> localIndexes = List.of();
        private Optional<Boolean> pitr = Optional.of(false);
        private Optional<Integer> pitrRecoveryPeriodDays = Optional.empty();
        private Optional<StreamViewType> stream = Optional.empty();
        private Optional<TimeToLive> ttl = Optional.of(new TimeToLive(Optional.empty(), "DISABLED"));
        private boolean deletionProtection;
        private TableClass tableClass = TableClass.STANDARD;
        private Optional<java.time.Instant> lastTableClassChange = Optional.empty();
        private SseSpec sse = new SseSpec(SseSpec.Type.AES256, Optional.empty());
        private Optional<Boolean> contributorInsights = Optional.of(false);
        private List<String> replicas = List.of();
        private Map<String, String> tags = Map.of();
        private Optional<ObservedScaling> autoScaling = Optional.of(ObservedScaling.none());
        private ObservedSettings settings = ObservedSettings.none();
        private LivePolicy resourcePolicy = new LivePolicy.None();
        private LiveKinesis kinesis = LiveKinesis.none();
        private Map<String, ReplicaSpec> replicaSettings = Map.of();
        private ObservedConsistency consistency = ObservedConsistency.none();

        private Builder(TableId id, KeyAttribute partitionKey) {
            this.id = id;
            this.partitionKey = partitionKey;
            this.arn = "arn:aws:dynamodb:" + id.region() + ":000000000000:table/" + id.tableName();
        }

        private Builder(ObservedTable t) {
            this(t.id, t.partitionKey);
            arn = t.arn;
            status = t.status;
            sortKey = t.sortKey;
            billingMode = t.billingMode;
            readCapacity = t.readCapacity;
            writeCapacity = t.writeCapacity;
            maxReadRequestUnits = t.maxReadRequestUnits;
            maxWriteRequestUnits = t.maxWriteRequestUnits;
            history = t.history;
            globalIndexes = t.globalIndexes;
            localIndexes = t.localIndexes;
            pitr = t.pitr;
            pitrRecoveryPeriodDays = t.pitrRecoveryPeriodDays;
            stream = t.stream;
            ttl = t.ttl;
            deletionProtection = t.deletionProtection;
            tableClass = t.tableClass;
            lastTableClassChange = t.lastTableClassChange;
            sse = t.sse;
            contributorInsights = t.contributorInsights;
            replicas = t.replicas;
            tags = t.tags;
            autoScaling = t.autoScaling;
            settings = t.settings;
            resourcePolicy = t.resourcePolicy;
            kinesis = t.kinesis;
            replicaSettings = t.replicaSettings;
            consistency = t.consistency;
        }

        public Builder arn(String value) { arn = value; return this; }
        public Builder status(String value) { status = value; return this; }
        public Builder partitionKey(KeyAttribute value) { partitionKey = value; return this; }
        public Builder sortKey(Optional<KeyAttribute> value) { sortKey = value; return this; }
        public Builder billingMode(BillingMode value) { billingMode = value; return this; }
        public Builder capacity(long read, long write) { readCapacity = read; writeCapacity = write; return this; }
        public Builder maxReadRequestUnits(Optional<Long> value) { maxReadRequestUnits = value; return this; }
        public Builder maxWriteRequestUnits(Optional<Long> value) { maxWriteRequestUnits = value; return this; }
        public Builder history(ThroughputHistory value) { history = value; return this; }
        public Builder globalIndexes(List<ObservedIndex> value) { globalIndexes = value; return this; }
        public Builder localIndexes(List<ObservedIndex> value) { localIndexes = value; return this; }
        public Builder pitr(Optional<Boolean> value) { pitr = value; return this; }
        public Builder pitrRecoveryPeriodDays(Optional<Integer> value) { pitrRecoveryPeriodDays = value; return this; }
        public Builder stream(Optional<StreamViewType> value) { stream = value; return this; }
        public Builder ttl(Optional<TimeToLive> value) { ttl = value; return this; }
        public Builder deletionProtection(boolean value) { deletionProtection = value; return this; }
        public Builder tableClass(TableClass value) { tableClass = value; return this; }
        public Builder lastTableClassChange(Optional<java.time.Instant> value) { lastTableClassChange = value; return this; }
        public Builder sse(SseSpec value) { sse = value; return this; }
        /** The table's insights on or off, in both the old field and {@link #settings}' table entry. */
        public Builder contributorInsights(Optional<Boolean> value) {
            contributorInsights = value;
            settings = new ObservedSettings(settings.warmThroughput(), settings.indexCaps(),
                    value.flatMap(on -> settings.contributorInsights().map(m -> {
                        java.util.Map<String, ObservedSettings.Insights> next = new java.util.TreeMap<>(m);
                        next.put(ObservedSettings.TABLE, new ObservedSettings.Insights(on, Optional.empty()));
                        return next;
                    })), settings.kmsAliases());
            return this;
        }
        public Builder settings(ObservedSettings value) { settings = value; return this; }
        public Builder replicas(List<String> value) { replicas = value; return this; }
        public Builder tags(Map<String, String> value) { tags = value; return this; }
        public Builder autoScaling(Optional<ObservedScaling> value) { autoScaling = value; return this; }
        public Builder resourcePolicy(LivePolicy value) { resourcePolicy = value; return this; }
        public Builder kinesis(LiveKinesis value) { kinesis = value; return this; }
        /** Each replica's own settings as DescribeTable's {@code Replicas} shows them, keyed by region. */
        public Builder replicaSettings(Map<String, ReplicaSpec> value) { replicaSettings = value; return this; }
        public Builder consistency(ObservedConsistency value) { consistency = value; return this; }

        public ObservedTable build() {
            return new ObservedTable(id, arn, status, partitionKey, sortKey, billingMode, readCapacity, writeCapacity,
                    maxReadRequestUnits, maxWriteRequestUnits, history, globalIndexes, localIndexes, pitr,
                    pitrRecoveryPeriodDays, stream, ttl, deletionProtection, tableClass, lastTableClassChange, sse,
                    contributorInsights, replicas, tags, autoScaling, settings, resourcePolicy, kinesis,
                    replicaSettings, consistency);
        }
    }
}
