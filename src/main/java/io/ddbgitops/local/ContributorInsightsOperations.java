package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * UpdateContributorInsights, DescribeContributorInsights, ListContributorInsights. There is nothing to analyse
 * locally, so ENABLE and DISABLE take effect at once (AWS passes through ENABLING/DISABLING first).
 */
final class ContributorInsightsOperations {
    private static final String TABLE = "";

    private final FrontState state;
    private final Engine engine;

    ContributorInsightsOperations(FrontState state, Engine engine) {
        this.state = state;
        this.engine = engine;
    }

    WireResponse update(String region, ObjectNode request) {
        String action = Json.requiredText(request, "ContributorInsightsAction");
        if (!action.equals("ENABLE") && !action.equals("DISABLE")) {
            throw AwsException.validation("1 validation error detected: Value '" + action
                    + "' at 'contributorInsightsAction' failed to satisfy constraint: Member must satisfy enum value"
                    + " set: [ENABLE, DISABLE]");
        }
        TableKey table = TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
        Optional<String> index = Json.text(request, "IndexName");
        requireExists(table, index);
        String status = action.equals("ENABLE") ? "ENABLED" : "DISABLED";
        Optional<String> mode = mode(request);
        // the mode is kept with the status ("ENABLED/THROTTLED_KEYS"): one setting per table or index
        state.updateFeatures(table, f -> f.withContributorInsights(index.orElse(TABLE),
                status + mode.filter(m -> status.equals("ENABLED")).map(m -> "/" + m).orElse("")));
        ObjectNode response = Json.object().put("TableName", table.table());
        index.ifPresent(i -> response.put("IndexName", i));
        response.put("ContributorInsightsStatus", status);
        mode.filter(m -> status.equals("ENABLED")).ifPresent(m -> response.put("ContributorInsightsMode", m));
        return WireResponse.ok(response);
    }

    /** ContributorInsightsMode, AWS's enum (botocore dynamodb service-2.json, checked 2026-12-01). */
    private static Optional<String> mode(ObjectNode request) {
        Optional<String> mode = Json.text(request, "ContributorInsightsMode");
        mode.filter(m -> !m.equals("ACCESSED_AND_THROTTLED_KEYS") && !m.equals("THROTTLED_KEYS")).ifPresent(m -> {
            throw AwsException.validation("1 validation error detected: Value '" + m + "' at "
                    + "'contributorInsightsMode' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS]");
        });
        return mode;
    }

    WireResponse describe(String region, ObjectNode request) {
        TableKey table = TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
        Optional<String> index = Json.text(request, "IndexName");
        requireExists(table, index);
        String[] kept = state.features(table).contributorInsights().getOrDefault(index.orElse(TABLE), "DISABLED")
                .split("/", 2);
        ObjectNode response = Json.object().put("TableName", table.table());
        index.ifPresent(i -> response.put("IndexName", i));
        response.putArray("ContributorInsightsRuleList");
        response.put("ContributorInsightsStatus", kept[0]);
        if (kept.length > 1) {
            response.put("ContributorInsightsMode", kept[1]);
        }
        return WireResponse.ok(response);
    }

    /** The region's tables and indexes that have contributor insights enabled, or the one table's. */
    WireResponse list(String region, ObjectNode request) {
        Optional<TableKey> only = Json.text(request, "TableName").map(t -> TableArns.nameOrArn(t, region));
        only.ifPresent(t -> requireExists(t, Optional.empty()));
        ArrayNode summaries = Json.array();
        for (String table : tableNames(region)) {
            TableKey key = new TableKey(region, table);
            if (only.isPresent() && !only.get().equals(key)) {
                continue;
            }
            for (Map.Entry<String, String> entry : new TreeMap<>(
                    state.features(key).contributorInsights()).entrySet()) {
                ObjectNode summary = summaries.addObject().put("TableName", table);
                if (!entry.getKey().equals(TABLE)) {
                    summary.put("IndexName", entry.getKey());
                }
                String[] kept = entry.getValue().split("/", 2);
                summary.put("ContributorInsightsStatus", kept[0]);
                if (kept.length > 1) {
                    summary.put("ContributorInsightsMode", kept[1]);
                }
            }
        }
        return WireResponse.ok(Json.object().set("ContributorInsightsSummaries", summaries));
    }

    private List<String> tableNames(String region) {
        List<String> names = new ArrayList<>();
        JsonNode start = null;
        do {
            ObjectNode request = Json.object();
            if (start != null) {
                request.set("ExclusiveStartTableName", start);
            }
            ObjectNode page = engine.call(region, "ListTables", request);
            page.path("TableNames").forEach(n -> names.add(n.asText()));
            start = page.get("LastEvaluatedTableName");
        } while (start != null && !start.isNull());
        return names;
    }

    private void requireExists(TableKey table, Optional<String> index) {
        ObjectNode description = engine.describeTable(table.region(), table.table()).orElseThrow(() ->
                AwsException.resourceNotFound("Requested resource not found: Table: " + table.table() + " not found"));
        if (index.isPresent()) {
            boolean known = false;
            for (String kind : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
                for (JsonNode i : description.path(kind)) {
                    known |= i.path("IndexName").asText().equals(index.get());
                }
            }
            if (!known) {
                throw AwsException.resourceNotFound("Requested resource not found: Index: " + index.get()
                        + " of table " + table.table() + " not found");
            }
        }
    }
}
