package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableManifest;

import java.util.List;
import java.util.Map;

/**
 * What to do about one manifest: its status if the actions succeed, the field-level changes, the ordered
 * actions, messages for people (why something is blocked, what is not managed yet), and the settings that
 * count as applied once the actions succeed (the next run compares against them to tell git from drift), the
 * table's change history as this run found it, and which change fields each action carries out.
 */
public record TablePlan(
        TableManifest manifest,
        TableStatus status,
        List<Change> changes,
        List<Action> actions,
        List<String> messages,
        Map<String, String> desired,
        ChangeHistory history,
        Map<Action, List<String>> actionFields) {

    public TablePlan(TableManifest manifest, TableStatus status, List<Change> changes, List<Action> actions,
                     List<String> messages, Map<String, String> desired) {
        this(manifest, status, changes, actions, messages, desired, ChangeHistory.none(), Map.of());
    }

    public TablePlan {
        changes = List.copyOf(changes);
        actions = List.copyOf(actions);
        messages = List.copyOf(messages);
        desired = Map.copyOf(desired);
        actionFields = Map.copyOf(actionFields);
    }

    /** The change fields an action carries out (so the report can say which ones are in progress or pending). */
    public List<String> fieldsOf(Action action) {
        return actionFields.getOrDefault(action, List.of());
    }

    public boolean hasWrites() {
        return !actions.isEmpty();
    }
}
