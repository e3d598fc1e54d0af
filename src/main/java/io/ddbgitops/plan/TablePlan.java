package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableManifest;

import java.util.List;
import java.util.Map;

/**
 * What to do about one manifest: its status if the actions succeed, the field-level changes, the ordered
 * actions, messages for people (why something is blocked, what is not managed yet), and the settings that
 * count as applied once the actions succeed (the next run compares against them to tell git from drift).
 */
public record TablePlan(
        TableManifest manifest,
        TableStatus status,
        List<Change> changes,
        List<Action> actions,
        List<String> messages,
        Map<String, String> desired) {

    public TablePlan {
        changes = List.copyOf(changes);
        actions = List.copyOf(actions);
        messages = List.copyOf(messages);
        desired = Map.copyOf(desired);
    }

    public boolean hasWrites() {
        return !actions.isEmpty();
    }
}
