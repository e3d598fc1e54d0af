package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CreateTable made atomic with the settings the front keeps for it: the intent is journaled before DynamoDB Local
 * creates the table and cleared after the tags and features are saved, and {@link #recover()} replays what a kill
 * interrupted. Creates of one table name are serialised so two racing requests cannot mix their journal entries.
 */
final class CreateTableOperation {
    private static final Logger LOG = LoggerFactory.getLogger(CreateTableOperation.class);
    /** A table whose creation time is this much before its journal entry existed before the entry was written. */
    private static final long CLOCK_SLACK_MILLIS = 1_000;

    private final Engine engine;
    private final TagOperations tags;
    private final UpdateTableOperation updateTable;
    private final CreateTableJournal journal;
    private final Clock clock;
    private final Map<TableKey, Object> locks = new ConcurrentHashMap<>();
    private volatile Runnable afterForward = () -> { };

    CreateTableOperation(Engine engine, TagOperations tags, UpdateTableOperation updateTable,
            CreateTableJournal journal, Clock clock) {
        this.engine = engine;
        this.tags = tags;
        this.updateTable = updateTable;
        this.journal = journal;
        this.clock = clock;
    }

    WireResponse create(String region, ObjectNode request, UpdateTableOperation.Forwarder forwarder)
            throws IOException, InterruptedException {
        tags.validateCreateTableTags(request);
        UpdateTableOperation.validateCreateTable(request);
        TableKey table = new TableKey(region, Json.requiredText(request, "TableName"));
        synchronized (locks.computeIfAbsent(table, t -> new Object())) {
            // an existing table makes the create fail: nothing to journal, and nothing to apply to it later
            boolean journaled = !exists(table);
            if (journaled) {
                journal.record(new CreateTableJournal.Entry(table, clock.millis(), request));
            }
            WireResponse response = forwarder.forward(Json.bytes(UpdateTableOperation.forEngine(request)));
            afterForward.run();
            if (response.isSuccess()) {
                remember(region, request);
            }
            if (journaled) {
                journal.remove(table);
            }
            return response;
        }
    }

    /**
     * Finishes the creates a kill interrupted: a journaled table that exists (and is not older than its entry) gets
     * its tags and features; an entry whose table does not exist was never acknowledged and is dropped.
     */
    void recover() {
        for (CreateTableJournal.Entry entry : journal.pending()) {
            Optional<ObjectNode> description = engine.describeTable(entry.table().region(), entry.table().table());
            boolean created = description.map(d -> d.path("CreationDateTime").asDouble() * 1000
                    >= entry.journaledAtMillis() - CLOCK_SLACK_MILLIS).orElse(false);
            if (created) {
                remember(entry.table().region(), entry.request());
                LOG.info("Finished creating table {} in {}: its tags and settings are saved now",
                        entry.table().table(), entry.table().region());
            }
            journal.remove(entry.table());
        }
    }

    /** Test hook: runs between DynamoDB Local's answer and the saving of the front's settings. */
    void afterForward(Runnable hook) {
        afterForward = hook;
    }

    /** A name DynamoDB Local cannot even describe makes CreateTable fail with its own message; journal it anyway. */
    private boolean exists(TableKey table) {
        try {
            return engine.describeTable(table.region(), table.table()).isPresent();
        } catch (AwsException e) {
            return false;
        }
    }

    private void remember(String region, ObjectNode request) {
        tags.rememberCreateTableTags(region, request);
        updateTable.rememberCreateTable(region, request);
    }
}
