package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Multi-Region strong consistency (MRSC) through UpdateTable's MultiRegionConsistency and GlobalTableWitnessUpdates,
 * as AWS documents it (checked 2026-12-01):
 * <ul>
 *   <li>MultiRegionConsistency "is only valid when you create a global table by specifying one or more Create
 *   actions in the ReplicaUpdates action list"; one witness per UpdateTable, added when the MRSC table is created;
 *   a witness Delete "must be done in conjunction with removing a replica" and leaves a single-Region table
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html,
 *   https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalTableWitnessGroupUpdate.html);</li>
 *   <li>three replicas, or two replicas and a witness, all in one Region set: US (us-east-1, us-east-2, us-west-2),
 *   EU (eu-west-1, eu-west-2, eu-west-3, eu-central-1), AP (ap-northeast-1, ap-northeast-2, ap-northeast-3)
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateGlobalTableWitnessGroupMemberAction.html);</li>
 *   <li>the table must be empty; the consistency mode of a global table cannot be changed
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html).</li>
 * </ul>
 * The replicas are made as for EVENTUAL tables ({@link ReplicaOperations}), all in this one call; the witness holds no
 * table. AWS's texts for these refusals are not published: the messages below are ours, in AWS's
 * "One or more parameter values were invalid" form, except the enum check, which is AWS's standard wording.
 */
final class StrongConsistencyOperations {
    static final String INVALID = "One or more parameter values were invalid: ";
    static final String NOT_EMPTY = INVALID + "Multi-Region strong consistency can only be enabled on an empty table";
    private static final List<Set<String>> REGION_SETS = List.of(
            Set.of("us-east-1", "us-east-2", "us-west-2"),
            Set.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
            Set.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"));

    private final FrontState state;
    private final ReplicaOperations replicas;
    private final TableItems items;

    StrongConsistencyOperations(FrontState state, ReplicaOperations replicas, TableItems items) {
        this.state = state;
        this.replicas = replicas;
        this.items = items;
    }

    /**
     * Whether this UpdateTable is MRSC's business: it names a consistency or a witness, or it creates or deletes a
     * replica of a STRONG table. A replica's own settings (ReplicaUpdates Update) are not: they go as for any table.
     */
    boolean concerns(TableKey table, ObjectNode request) {
        JsonNode updates = request.path("ReplicaUpdates");
        return request.has("MultiRegionConsistency") || request.has("GlobalTableWitnessUpdates")
                || state.features(table).strong()
                && (!actions(updates, "Create").isEmpty() || !actions(updates, "Delete").isEmpty());
    }

    void apply(TableKey table, ObjectNode request) {
        String mode = request.path("MultiRegionConsistency").asText("");
        if (!mode.isEmpty() && !mode.equals("EVENTUAL") && !mode.equals("STRONG")) {
            throw AwsException.validation("1 validation error detected: Value '" + mode + "' at "
                    + "'multiRegionConsistency' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[EVENTUAL, STRONG]");
        }
        List<String> creates = actions(request.path("ReplicaUpdates"), "Create");
        List<String> deletes = actions(request.path("ReplicaUpdates"), "Delete");
        List<String> witnessCreates = actions(request.path("GlobalTableWitnessUpdates"), "Create");
        List<String> witnessDeletes = actions(request.path("GlobalTableWitnessUpdates"), "Delete");
        if (witnessCreates.size() + witnessDeletes.size() > 1) {
            throw AwsException.validation(INVALID + "Only one witness can be created or deleted per UpdateTable");
        }
        TableFeatures features = state.features(table);
        if (features.strong()) {
            removeWitnessAndReplica(table, features, creates, deletes, witnessDeletes, mode, witnessCreates);
            return;
        }
        if (!witnessDeletes.isEmpty()) {
            throw AwsException.validation(INVALID + "Table " + table.table() + " has no witness to delete");
        }
        if (creates.isEmpty() || !deletes.isEmpty()) {
            throw AwsException.validation(INVALID + "MultiRegionConsistency and GlobalTableWitnessUpdates can only be"
                    + " specified when creating a global table with ReplicaUpdates Create actions");
        }
        if (!features.replicas().isEmpty()) {
            throw AwsException.validation(INVALID + "The consistency mode of an existing global table cannot be "
                    + "changed; table " + table.table() + " already has replicas in "
                    + String.join(", ", features.replicas()));
        }
        if (!mode.equals("STRONG")) {
            if (!witnessCreates.isEmpty()) {
                throw AwsException.validation(INVALID + "A witness can only be added to a global table created with "
                        + "MultiRegionConsistency STRONG");
            }
            throw AwsException.validation(INVALID + "MultiRegionConsistency EVENTUAL is the default; create replicas "
                    + "one per UpdateTable without it");
        }
        createStrong(table, request, creates, witnessCreates);
    }

    private void createStrong(TableKey table, JsonNode request, List<String> creates, List<String> witnesses) {
        TreeSet<String> regions = new TreeSet<>(creates);
        regions.addAll(witnesses);
        regions.add(table.region());
        if (creates.size() + witnesses.size() + 1 != 3 || regions.size() != 3) {
            throw AwsException.validation(INVALID + "A multi-Region strongly consistent global table needs exactly "
                    + "three different Regions: the table's and either two replicas or one replica and a witness");
        }
        if (REGION_SETS.stream().noneMatch(set -> set.containsAll(regions))) {
            throw AwsException.validation(INVALID + "The Regions " + String.join(", ", regions) + " are not in one "
                    + "Region set that supports multi-Region strong consistency");
        }
        if (!items.scanAll(table).isEmpty()) {
            throw AwsException.validation(NOT_EMPTY);
        }
        JsonNode replicaUpdates = request.path("ReplicaUpdates");
        for (int i = 0; i < replicaUpdates.size(); i++) {
            if (replicaUpdates.get(i).has("Create")) {
                replicas.create(table, replicaUpdates.get(i).get("Create"),
                        "replicaUpdates." + (i + 1) + ".member.create");
            }
        }
        markGroup(table, true, witnesses);
    }

    /**
     * On a STRONG table only the documented way out is taken: one replica and the witness deleted together, which
     * leaves a single-Region table. Anything else would change the fixed three Regions.
     */
    private void removeWitnessAndReplica(TableKey table, TableFeatures features, List<String> creates,
                                         List<String> deletes, List<String> witnessDeletes, String mode,
                                         List<String> witnessCreates) {
        if (!mode.isEmpty() || !creates.isEmpty() || !witnessCreates.isEmpty()) {
            throw AwsException.validation(INVALID + "The consistency mode, replicas and witness of a multi-Region "
                    + "strongly consistent global table are set when it is created and cannot be added to");
        }
        if (witnessDeletes.size() != 1 || deletes.size() != 1 || !features.witnesses().equals(witnessDeletes)) {
            throw AwsException.validation(INVALID + "A witness must be deleted together with one replica of table "
                    + table.table());
        }
        List<String> group = new ArrayList<>(features.replicas());
        group.add(table.region());
        replicas.delete(table, deletes.get(0));
        group.remove(deletes.get(0));
        group.forEach(region -> state.updateFeatures(new TableKey(region, table.table()),
                f -> f.withStrongConsistency(false, List.of())));
    }

    private void markGroup(TableKey table, boolean strong, List<String> witnesses) {
        List<String> group = new ArrayList<>(state.features(table).replicas());
        group.add(table.region());
        group.forEach(region -> state.updateFeatures(new TableKey(region, table.table()),
                f -> f.withStrongConsistency(strong, witnesses)));
    }

    private static List<String> actions(JsonNode updates, String kind) {
        List<String> regions = new ArrayList<>();
        for (JsonNode update : updates) {
            if (update.has(kind)) {
                regions.add(Json.requiredText(update.get(kind), "RegionName"));
            }
        }
        return regions;
    }
}
