package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Application Auto Scaling's state: scalable targets and scaling policies per region. With a data directory every
 * change is written through to {@code <dataDir>/front/autoscaling.json}, replaced atomically like the rest.
 */
final class ScalingState {
    private final Map<ScalingKey, ScalableTarget> targets = new LinkedHashMap<>();
    /** Policies by target, then by name. */
    private final Map<ScalingKey, Map<String, ScalingPolicy>> policies = new LinkedHashMap<>();
    private final Optional<Path> file;

    private ScalingState(Optional<Path> file) {
        this.file = file;
    }

    static ScalingState inMemory() {
        return new ScalingState(Optional.empty());
    }

    static ScalingState persistentIn(Path frontDir) {
        ScalingState state = new ScalingState(Optional.of(frontDir.resolve("autoscaling.json")));
        state.load();
        return state;
    }

    synchronized Optional<ScalableTarget> target(ScalingKey key) {
        return Optional.ofNullable(targets.get(key));
    }

    synchronized List<ScalableTarget> targets(Predicate<ScalableTarget> filter) {
        return targets.values().stream().filter(filter)
                .sorted(Comparator.comparing((ScalableTarget t) -> t.key().sortKey())).toList();
    }

    synchronized void putTarget(ScalableTarget target) {
        targets.put(target.key(), target);
        save();
    }

    /** Deregistering a target deletes its policies, as AWS does. */
    synchronized boolean removeTarget(ScalingKey key) {
        boolean removed = targets.remove(key) != null;
        removed |= policies.remove(key) != null;
        if (removed) {
            save();
        }
        return removed;
    }

    synchronized Optional<ScalingPolicy> policy(ScalingKey key, String name) {
        return Optional.ofNullable(policies.getOrDefault(key, Map.of()).get(name));
    }

    synchronized List<ScalingPolicy> policies(Predicate<ScalingPolicy> filter) {
        return policies.values().stream().flatMap(byName -> byName.values().stream()).filter(filter)
                .sorted(Comparator.comparing((ScalingPolicy p) -> p.key().sortKey() + "\u0000" + p.name())).toList();
    }

    synchronized void putPolicy(ScalingPolicy policy) {
        policies.computeIfAbsent(policy.key(), k -> new LinkedHashMap<>()).put(policy.name(), policy);
        save();
    }

    synchronized boolean removePolicy(ScalingKey key, String name) {
        Map<String, ScalingPolicy> byName = policies.get(key);
        if (byName == null || byName.remove(name) == null) {
            return false;
        }
        if (byName.isEmpty()) {
            policies.remove(key);
        }
        save();
        return true;
    }

    private void load() {
        if (file.isEmpty() || !Files.exists(file.get())) {
            return;
        }
        JsonNode root = StateFiles.read(file.get());
        for (JsonNode target : root.path("targets")) {
            ScalableTarget value = Json.MAPPER.convertValue(target, ScalableTarget.class);
            targets.put(value.key(), value);
        }
        for (JsonNode policy : root.path("policies")) {
            ScalingPolicy value = Json.MAPPER.convertValue(policy, ScalingPolicy.class);
            policies.computeIfAbsent(value.key(), k -> new LinkedHashMap<>()).put(value.name(), value);
        }
    }

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        List<ScalingPolicy> allPolicies = new ArrayList<>();
        policies.values().forEach(byName -> allPolicies.addAll(byName.values()));
        ObjectNode root = Json.object();
        root.set("targets", Json.MAPPER.valueToTree(List.copyOf(targets.values())));
        root.set("policies", Json.MAPPER.valueToTree(allPolicies));
        StateFiles.write(file.get(), root);
    }
}
