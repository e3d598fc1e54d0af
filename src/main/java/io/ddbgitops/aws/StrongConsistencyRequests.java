package io.ddbgitops.aws;

import io.ddbgitops.plan.Action;
import io.ddbgitops.plan.replicas.ObservedConsistency;
import io.ddbgitops.plan.replicas.StrongConsistencyRules;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.util.Optional;

/**
 * Multi-Region strong consistency on the wire: the one UpdateTable that creates it (ReplicaUpdates Create per replica, with its own settings,
 * MultiRegionConsistency STRONG, GlobalTableWitnessUpdates Create), and what DescribeTable says about it
 * (MultiRegionConsistency, GlobalTableWitnesses, ItemCount). API reference
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html and botocore's model, checked
 * 2026-12-01.
 */
final class StrongConsistencyRequests {
    private StrongConsistencyRequests() {}

    static UpdateTableRequest create(String table, Action.CreateStrongGlobalTable strong) {
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table)
                .replicaUpdates(strong.replicas().stream().map(ReplicaRequests::createAction).toList())
                .multiRegionConsistency(MultiRegionConsistency.STRONG);
        strong.witness().ifPresent(w -> request.globalTableWitnessUpdates(
                GlobalTableWitnessGroupUpdate.builder().create(c -> c.regionName(w)).build()));
        return request.build();
    }

    static ObservedConsistency observed(TableDescription table) {
        return new ObservedConsistency(table.multiRegionConsistency() == MultiRegionConsistency.STRONG,
                table.globalTableWitnesses().stream().map(GlobalTableWitnessDescription::regionName).sorted().toList(),
                table.itemCount() == null ? 0 : table.itemCount());
    }

    /**
     * AWS refuses the creating call with a ValidationException when the table holds items that DescribeTable's
     * ItemCount (refreshed about every six hours) did not show yet: the report says what to do.
     */
    static Optional<String> hint(Action action, RuntimeException e) {
        if (action instanceof Action.CreateStrongGlobalTable && AwsErrors.code(e).equals("ValidationException")) {
            return Optional.of(" (" + StrongConsistencyRules.NOT_EMPTY_HINT + " with exactly three regions in one "
                    + "AWS region set; if the table holds items, empty it or create a new table)");
        }
        return Optional.empty();
    }
}
