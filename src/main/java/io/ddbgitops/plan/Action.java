package io.ddbgitops.plan;

import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.TableManifest;

import java.util.Map;
import java.util.Optional;

/** One write the applier makes, in plan order. Each {@code describe()} is what logs and reports show. */
public sealed interface Action {

    String describe();

    /** Create the table with its keys, billing, throughput and tags, then wait for ACTIVE. */
    record CreateTable(TableManifest manifest, Map<String, String> tags) implements Action {
        public CreateTable {
            tags = Map.copyOf(tags);
        }

        @Override
        public String describe() {
            return "create table " + manifest.tableId();
        }
    }

    /** One UpdateTable call changing billing mode and/or provisioned throughput, then wait for ACTIVE. */
    record UpdateThroughput(BillingMode billingMode, long readCapacity, long writeCapacity) implements Action {
        @Override
        public String describe() {
            return billingMode == BillingMode.PAY_PER_REQUEST
                    ? "switch to on-demand billing"
                    : "set provisioned throughput to " + readCapacity + " read / " + writeCapacity + " write";
        }
    }

    /** Turn point-in-time recovery on (with an optional recovery period) or off. */
    record UpdatePitr(boolean enabled, Optional<Integer> recoveryPeriodDays) implements Action {
        @Override
        public String describe() {
            return enabled ? "enable point-in-time recovery" : "disable point-in-time recovery";
        }
    }

    /** Add or overwrite tags. */
    record TagTable(Map<String, String> tags) implements Action {
        public TagTable {
            tags = Map.copyOf(tags);
        }

        @Override
        public String describe() {
            return "tag table with " + new java.util.TreeMap<>(tags).keySet();
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
}
