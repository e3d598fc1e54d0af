package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Long-running work made to look in progress for the {@link Delays} configured: DynamoDB Local finishes it at once,
 * and this keeps, per table, what is still "running" and until when. Descriptions are rewritten to show it, and
 * UpdateTable is refused meanwhile as AWS refuses it. Kept in memory: a restart finishes everything.
 *
 * <p>AWS's rules (checked 2026-12-01): UpdateTable "is an asynchronous operation; while it's executing, the table
 * status changes from ACTIVE to UPDATING. While it's UPDATING, you can't issue another UpdateTable request ...
 * Create a new global secondary index on the table. After the index begins backfilling, you can use UpdateTable to
 * perform other operations" (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html);
 * the index phases and Backfilling flag are in
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html. A second index change while
 * one is being created is refused with LimitExceededException "Subscriber limit exceeded: Only 1 online index can be
 * created or deleted simultaneously per table" (AWS's message as its users report it, e.g.
 * https://github.com/architect/architect/issues/334); a change to a table that is UPDATING or CREATING with
 * ResourceInUseException "Attempt to change a resource which is still in use: Table is being updated: NAME"
 * (https://github.com/sebdah/dynamic-dynamodb/issues/36).
 */
final class SlowWork {
    enum Kind { INDEX, TABLE_CREATION, REPLICA, TABLE_CLASS, SSE }

    /** Work on a table shown as running until {@code endMillis}; {@code name} is the index or replica region. */
    private record Pending(Kind kind, String name, long startMillis, long endMillis) {
        /** The first fifth of an index creation is resource allocation, the rest the backfill. */
        boolean allocating(long now) {
            return kind == Kind.INDEX && now < startMillis + (endMillis - startMillis) / 5;
        }
    }

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private final Map<TableKey, List<Pending>> pending = new HashMap<>();
    private final Clock clock;
    private volatile Delays delays = Delays.NONE;

    SlowWork(Clock clock) {
        this.clock = clock;
    }

    Delays delays() {
        return delays;
    }

    void setDelays(Delays value) {
        delays = value;
    }

    synchronized void start(TableKey table, Kind kind, String name, Duration delay) {
        if (delay.isZero()) {
            return;
        }
        long now = clock.millis();
        List<Pending> list = pending.computeIfAbsent(table, t -> new ArrayList<>());
        list.removeIf(p -> p.kind() == kind && p.name().equals(name));
        list.add(new Pending(kind, name, now, now + delay.toMillis()));
    }

    synchronized void forget(TableKey table) {
        pending.remove(table);
    }

    /** Before an UpdateTable is applied: AWS's refusals while work on the table is running. */
    void checkUpdate(TableKey table, ObjectNode request) {
        List<Pending> running = running(table);
        List<String> indexChanges = new ArrayList<>();
        Optional<String> deleted = Optional.empty();
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            for (String action : new String[] {"Create", "Delete"}) {
                if (update.has(action)) {
                    indexChanges.add(update.get(action).path("IndexName").asText());
                    deleted = action.equals("Delete") ? Optional.of(update.get(action).path("IndexName").asText())
                            : deleted;
                }
            }
        }
        Optional<String> creating = running.stream().filter(p -> p.kind() == Kind.INDEX).map(Pending::name)
                .findFirst();
        boolean deletingThatIndex = indexChanges.size() == 1 && deleted.isPresent() && deleted.equals(creating);
        if (creating.isPresent() && !indexChanges.isEmpty() && !deletingThatIndex) {
            throw new AwsException(DYNAMODB + "LimitExceededException", "Subscriber limit exceeded: Only 1 online"
                    + " index can be created or deleted simultaneously per table");
        }
        checkNotInUse(table, running);
    }

    /**
     * DeleteTable of a table that is CREATING or UPDATING is refused with ResourceInUseException
     * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html, checked 2026-12-01).
     */
    void checkDelete(TableKey table) {
        checkNotInUse(table, running(table));
    }

    private void checkNotInUse(TableKey table, List<Pending> running) {
        tableStatus(running, clock.millis()).ifPresent(status -> {
            throw new AwsException(DYNAMODB + "ResourceInUseException", "Attempt to change a resource which is"
                    + " still in use: Table is being " + (status.equals("CREATING") ? "created" : "updated") + ": "
                    + table.table());
        });
    }

    /** After an UpdateTable succeeded: what it started that takes time on AWS. */
    void updated(TableKey table, ObjectNode request) {
        Delays now = delays;
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            if (update.has("Create")) {
                start(table, Kind.INDEX, update.get("Create").path("IndexName").asText(), now.indexBackfill());
            } else if (update.has("Delete")) {
                stop(table, Kind.INDEX, update.get("Delete").path("IndexName").asText());
            }
        }
        for (JsonNode update : request.path("ReplicaUpdates")) {
            if (update.has("Create")) {
                String region = update.get("Create").path("RegionName").asText();
                start(table, Kind.REPLICA, region, now.replicaCreation());
                start(new TableKey(region, table.table()), Kind.TABLE_CREATION, "", now.replicaCreation());
            }
        }
        if (request.has("TableClass")) {
            start(table, Kind.TABLE_CLASS, "", now.tableClassUpdate());
        }
        if (request.has("SSESpecification")) {
            start(table, Kind.SSE, "", now.sseUpdate());
        }
    }

    /** Shows the running work in a description of the table, as AWS shows it. */
    void describe(TableKey table, ObjectNode description) {
        List<Pending> running = running(table);
        long now = clock.millis();
        tableStatus(running, now).ifPresent(status -> description.put("TableStatus", status));
        for (Pending work : running) {
            switch (work.kind()) {
                case INDEX -> description.path("GlobalSecondaryIndexes").forEach(index -> {
                    if (index.path("IndexName").asText().equals(work.name())) {
                        ((ObjectNode) index).put("IndexStatus", "CREATING").put("Backfilling", !work.allocating(now));
                    }
                });
                case REPLICA -> description.path("Replicas").forEach(replica -> {
                    if (replica.path("RegionName").asText().equals(work.name())) {
                        ((ObjectNode) replica).put("ReplicaStatus", "CREATING");
                    }
                });
                case SSE -> {
                    if (description.path("SSEDescription").isObject()) {
                        ((ObjectNode) description.get("SSEDescription")).put("Status", "UPDATING");
                    }
                }
                default -> { }
            }
        }
    }

    boolean creating(TableKey table) {
        return running(table).stream().anyMatch(p -> p.kind() == Kind.TABLE_CREATION);
    }

    private synchronized void stop(TableKey table, Kind kind, String name) {
        Optional.ofNullable(pending.get(table)).ifPresent(list ->
                list.removeIf(p -> p.kind() == kind && p.name().equals(name)));
    }

    private synchronized List<Pending> running(TableKey table) {
        List<Pending> list = pending.get(table);
        if (list == null) {
            return List.of();
        }
        long now = clock.millis();
        list.removeIf(p -> p.endMillis() <= now);
        if (list.isEmpty()) {
            pending.remove(table);
        }
        return List.copyOf(list);
    }

    private static Optional<String> tableStatus(List<Pending> running, long now) {
        if (running.stream().anyMatch(p -> p.kind() == Kind.TABLE_CREATION)) {
            return Optional.of("CREATING");
        }
        boolean updating = running.stream().anyMatch(p -> p.allocating(now) || p.kind() == Kind.REPLICA
                || p.kind() == Kind.TABLE_CLASS);
        return updating ? Optional.of("UPDATING") : Optional.empty();
    }
}
