package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.ImportSpec;
import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.manifest.StreamViewType;
import io.ddbgitops.manifest.TableClass;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.autoscaling.ScalingStep;
import io.ddbgitops.plan.kinesis.KinesisStep;
import io.ddbgitops.plan.policy.PolicyStep;
import io.ddbgitops.plan.replicas.ReplicaSettingsText;
import io.ddbgitops.plan.settings.SettingStep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One write the applier makes, in plan order. Each UpdateTable-backed action is a single call followed by a
 * wait for the table and its indexes to be ACTIVE. {@code describe()} is what logs and reports show.
 */
public sealed interface Action {

    String describe();

    /** Create the table with everything CreateTable accepts, then wait for ACTIVE. */
    record CreateTable(TableManifest manifest, Map<String, String> tags) implements Action {
        public CreateTable {
            tags = Map.copyOf(tags);
        }

        @Override
        public String describe() {
            return "create table " + manifest.tableId();
        }
    }

    /** Provisioned throughput of one index on a PROVISIONED table. */
    record IndexThroughput(String indexName, long readCapacity, long writeCapacity) {}

    /**
     * One UpdateTable changing billing mode, table throughput or on-demand caps; when switching to PROVISIONED it
     * carries every index's throughput too, as DynamoDB requires.
     */
    record UpdateThroughput(BillingMode billingMode, long readCapacity, long writeCapacity, Optional<Long> maxRead,
                            Optional<Long> maxWrite, List<IndexThroughput> indexes) implements Action {
        public UpdateThroughput {
            indexes = List.copyOf(indexes);
        }

        public UpdateThroughput(BillingMode billingMode, long readCapacity, long writeCapacity) {
            this(billingMode, readCapacity, writeCapacity, Optional.empty(), Optional.empty(), List.of());
        }

        @Override
        public String describe() {
            return billingMode == BillingMode.PAY_PER_REQUEST
                    ? "set on-demand billing" + maxRead.map(r -> ", max " + r + " read").orElse("")
                            + maxWrite.map(w -> ", max " + w + " write").orElse("")
                    : "set provisioned throughput to " + readCapacity + " read / " + writeCapacity + " write";
        }
    }

    record DeleteIndex(String indexName) implements Action {
        @Override
        public String describe() {
            return "delete index " + indexName;
        }
    }

    record UpdateIndexThroughput(IndexThroughput throughput) implements Action {
        @Override
        public String describe() {
            return "set throughput of index " + throughput.indexName() + " to " + throughput.readCapacity()
                    + " read / " + throughput.writeCapacity() + " write";
        }
    }

    /** Create one global index; throughput present only on PROVISIONED tables. */
    record CreateIndex(GlobalSecondaryIndex index, Optional<IndexThroughput> throughput) implements Action {
        @Override
        public String describe() {
            return "create index " + index.indexName();
        }
    }

    /** Enable the stream with this view type, or disable it (empty). */
    record SetStream(Optional<StreamViewType> viewType) implements Action {
        @Override
        public String describe() {
            return viewType.map(v -> "enable stream (" + v + ")").orElse("disable stream");
        }
    }

    record SetTimeToLive(String attribute, boolean enabled) implements Action {
        @Override
        public String describe() {
            return (enabled ? "enable" : "disable") + " TTL on " + attribute;
        }
    }

    record SetDeletionProtection(boolean enabled) implements Action {
        @Override
        public String describe() {
            return (enabled ? "enable" : "disable") + " deletion protection";
        }
    }

    record SetTableClass(TableClass tableClass) implements Action {
        @Override
        public String describe() {
            return "set table class " + tableClass;
        }
    }

    record SetEncryption(SseSpec sse) implements Action {
        @Override
        public String describe() {
            return "set encryption " + sse.type() + sse.kmsKeyId().map(k -> " (" + k + ")").orElse("");
        }
    }

    /** ReplicaUpdates Create, carrying the replica's own settings when the manifest gives it some. */
    record AddReplica(ReplicaSpec replica) implements Action {
        public AddReplica(String region) {
            this(ReplicaSpec.of(region));
        }

        public String region() {
            return replica.region();
        }

        @Override
        public String describe() {
            return "add replica in " + replica.region()
                    + (replica.hasOwnSettings() ? " (" + ReplicaSettingsText.of(replica) + ")" : "");
        }
    }

    record RemoveReplica(String region) implements Action {
        @Override
        public String describe() {
            return "remove replica in " + region;
        }
    }

    /**
     * The one UpdateTable that makes a table a multi-Region strongly consistent (MRSC) global table: a ReplicaUpdates
     * Create per replica, MultiRegionConsistency STRONG and, when declared, a GlobalTableWitnessUpdates Create. AWS
     * takes the whole group in this single call, the exception to one replica action per call (see
     * {@link io.ddbgitops.plan.replicas.StrongConsistencyRules}).
     */
    record CreateStrongGlobalTable(List<ReplicaSpec> replicas, Optional<String> witness) implements Action {
        public CreateStrongGlobalTable {
            replicas = List.copyOf(replicas);
        }

        @Override
        public String describe() {
            return "make a multi-Region strongly consistent global table with replicas in "
                    + String.join(", ", replicas.stream().map(ReplicaSpec::region).toList())
                    + witness.map(w -> " and a witness in " + w).orElse("");
        }
    }

    /** Turn point-in-time recovery on (with an optional recovery period) or off. */
    record UpdatePitr(boolean enabled, Optional<Integer> recoveryPeriodDays) implements Action {
        @Override
        public String describe() {
            return enabled
                    ? "enable point-in-time recovery" + recoveryPeriodDays.map(d -> " (" + d + " days)").orElse("")
                    : "disable point-in-time recovery";
        }
    }

    /** One call of a setting family (warm throughput, index caps, contributor insights); the family decides which. */
    record TableSetting(SettingStep step) implements Action {
        @Override
        public String describe() {
            return step.describe();
        }
    }

    /** Add or overwrite tags. */
    record TagTable(Map<String, String> tags) implements Action {
        public TagTable {
            tags = Map.copyOf(tags);
        }

        @Override
        public String describe() {
            return "tag table with " + new TreeMap<>(tags).keySet();
        }
    }

    record UntagTable(Set<String> keys) implements Action {
        public UntagTable {
            keys = Set.copyOf(keys);
        }

        @Override
        public String describe() {
            return "remove tags " + new TreeSet<>(keys);
        }
    }

    /** One Application Auto Scaling call; the auto scaling family decides which and in what order. */
    record AutoScaling(ScalingStep step) implements Action {
        @Override
        public String describe() {
            return step.describe();
        }
    }

    /** One resource-policy call on the table's ARN; the resource policy family decides which. */
    record ResourcePolicy(PolicyStep step) implements Action {
        @Override
        public String describe() {
            return step.describe();
        }
    }

    /** One Kinesis streaming destination call; the Kinesis family decides which and in what order. */
    record Kinesis(KinesisStep step) implements Action {
        @Override
        public String describe() {
            return step.describe();
        }
    }

    /** Delete the table (pruning); always preceded by a {@link SafetyBackup}. */
    record DeleteTable() implements Action {
        @Override
        public String describe() {
            return "delete table";
        }
    }

    /** An on-demand backup that must be AVAILABLE before the destructive action after it runs. */
    record SafetyBackup(String reason) implements Action {
        @Override
        public String describe() {
            return "take a safety backup (" + reason + ")";
        }
    }

    /**
     * Create the table from a backup or another table's point in time instead of empty, wait for ACTIVE, then put
     * its billing and throughput right (AWS does not carry them over) and tag it.
     */
    record RestoreTable(TableManifest manifest, RestoreSpec source, Map<String, String> tags) implements Action {
        public RestoreTable {
            tags = Map.copyOf(tags);
        }

        @Override
        public String describe() {
            String from = source instanceof RestoreSpec.FromBackup b ? "backup " + b.backup()
                    : "table " + ((RestoreSpec.FromPointInTime) source).sourceTable() + " at "
                    + ((RestoreSpec.FromPointInTime) source).pointInTime().map(Object::toString).orElse("latest");
            return "restore table " + manifest.tableId() + " from " + from;
        }
    }

    /**
     * Create the table with ImportTable from S3 instead of empty, wait for the import to complete (progress logged,
     * bounded by the wait timeout and the run's deadline), then tag it. The manifest's key schema, billing, SSE and
     * global indexes travel in TableCreationParameters; what they cannot carry follows as actions of its own.
     */
    record ImportTable(TableManifest manifest, ImportSpec source, Map<String, String> tags) implements Action {
        public ImportTable {
            tags = Map.copyOf(tags);
        }

        @Override
        public String describe() {
            return "import table " + manifest.tableId() + " from " + source.location() + " (" + source.format() + ", "
                    + source.compression() + ")";
        }
    }
}
