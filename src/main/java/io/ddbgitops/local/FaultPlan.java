package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The faults an endpoint injects: rules tried in order (the first that fires wins) and the seed of the random
 * numbers that decide, so a run with the same seed and the same sequence of requests gets the same faults.
 */
public record FaultPlan(List<FaultRule> rules, long seed) {
    public static final FaultPlan NONE = new FaultPlan(List.of(), 0);

    public FaultPlan {
        rules = List.copyOf(rules);
    }

    public static FaultPlan of(long seed, FaultRule... rules) {
        return new FaultPlan(List.of(rules), seed);
    }

    /** The admin API's form: {@code {"seed":1,"rules":[{"fault":"throttle","probability":0.1,...}]}}. */
    ObjectNode toJson() {
        ObjectNode json = Json.object().put("seed", seed);
        ArrayNode list = json.putArray("rules");
        rules.forEach(rule -> {
            ObjectNode node = list.addObject()
                    .put("fault", rule.fault().wireName())
                    .put("probability", rule.probability());
            rule.operations().forEach(node.putArray("operations")::add);
            node.put("delayMillis", rule.delay().toMillis()).put("maxCount", rule.maxCount());
        });
        return json;
    }

    /** Reads the admin API's form; a wrong field is an {@link IllegalArgumentException} that names it. */
    static FaultPlan fromJson(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("A fault plan is a JSON object with 'seed' and 'rules'");
        }
        List<FaultRule> rules = new ArrayList<>();
        JsonNode list = json.path("rules");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new IllegalArgumentException("'rules' must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), "rules[" + i + "]"));
        }
        JsonNode seed = json.path("seed");
        if (!seed.isMissingNode() && !seed.canConvertToLong()) {
            throw new IllegalArgumentException("'seed' must be an integer, got " + seed);
        }
        return new FaultPlan(rules, seed.asLong(0));
    }

    private static FaultRule rule(JsonNode node, String where) {
        String name = node.path("fault").asText("");
        Fault fault = Fault.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
                where + ".fault must be one of " + Fault.wireNames() + ", got '" + name + "'"));
        JsonNode probability = node.path("probability");
        if (!probability.isMissingNode() && !probability.isNumber()) {
            throw new IllegalArgumentException(where + ".probability must be a number from 0 to 1");
        }
        Set<String> operations = new TreeSet<>();
        node.path("operations").forEach(op -> operations.add(op.asText()));
        try {
            return new FaultRule(fault, probability.asDouble(1.0), operations,
                    Duration.ofMillis(node.path("delayMillis").asLong(0)), node.path("maxCount").asLong(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
