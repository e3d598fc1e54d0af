package io.ddbgitops.plan.settings;

import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a setting family hands the planner: its changes grouped with the one step that carries each group out (no
 * step for a blocked group), what counts as applied once the steps succeed, and notes for people. The planner only
 * places the groups in DynamoDB's order; the family decides them.
 */
public abstract class SettingFamily {
    /** Changes and the step that makes them; blocked changes have none. */
    public record Group(List<Change> changes, Optional<SettingStep> step) {
        public Group {
            changes = List.copyOf(changes);
        }
    }

    protected final Map<String, String> previouslyApplied;
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, String> applied = new TreeMap<>();
    private final List<String> messages = new ArrayList<>();

    protected SettingFamily(Map<String, String> previouslyApplied) {
        this.previouslyApplied = previouslyApplied;
    }

    public List<Group> groups() {
        return List.copyOf(groups);
    }

    public Map<String, String> applied() {
        return Map.copyOf(applied);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    protected void group(List<Change> changes, SettingStep step) {
        groups.add(new Group(changes, Optional.of(step)));
    }

    /** A change that needs no call of its own (CreateTable or an index's Create makes it). */
    protected void groupWithoutStep(Change change) {
        groups.add(new Group(List.of(change), Optional.empty()));
    }

    protected void blocked(Change change, String reason) {
        groups.add(new Group(List.of(change), Optional.empty()));
        note(reason);
        keepPreviouslyApplied(change.field());
    }

    protected void note(String message) {
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    protected void applied(String field, String value) {
        applied.put(field, value);
    }

    /** A blocked field keeps what the last report recorded for it, so the next run still sees the difference. */
    protected void keepPreviouslyApplied(String field) {
        if (previouslyApplied.containsKey(field)) {
            applied.put(field, previouslyApplied.get(field));
        } else {
            applied.remove(field);
        }
    }

    /** A change of {@code field} from the live value (absent: {@link Fields#ABSENT}) to {@code want}. */
    protected Change change(String field, Optional<String> have, String want, String action) {
        return new Change(field, have.orElse(Fields.ABSENT), want, action, cause(field, want));
    }

    protected Change.Cause cause(String field, String want) {
        return want.equals(previouslyApplied.get(field)) ? Change.Cause.DRIFT : Change.Cause.GIT;
    }
}
