package io.ddbgitops.plan.policy;

import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resource-based policy's one home: the manifest's policy, the live one (GetResourcePolicy), their diff by
 * meaning ({@link PolicyDocument}) and the call that closes it. The report records the policy's digest as
 * {@value #FIELD} and {@value #SET_BY}: removing {@code resource_policy} from the manifest deletes the live policy
 * only when this tool attached it; a policy somebody else attached is left alone and said so.
 */
public final class ResourcePolicyFamily {
    public static final String FIELD = "resource_policy";
    public static final String SET_BY = FIELD + ".set_by";
    static final String OURS = "ddb-gitops";

    private final Map<String, String> previouslyApplied;
    private final List<Change> changes = new ArrayList<>();
    private final List<PolicyStep> steps = new ArrayList<>();
    private final Map<String, String> applied = new TreeMap<>();
    private final List<String> messages = new ArrayList<>();

    private ResourcePolicyFamily(Map<String, String> previouslyApplied) {
        this.previouslyApplied = previouslyApplied;
    }

    /** A new table: the manifest's policy is attached once the table is ACTIVE. */
    public static ResourcePolicyFamily forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        return forTable(manifest, LivePolicy.none(), previouslyApplied);
    }

    public static ResourcePolicyFamily forTable(TableManifest manifest, LivePolicy live,
                                                Map<String, String> previouslyApplied) {
        ResourcePolicyFamily family = new ResourcePolicyFamily(previouslyApplied);
        Optional<String> wanted = manifest.options().resourcePolicy();
        wanted.flatMap(PolicyDocument::parse).filter(PolicyDocument::deniesEveryone).ifPresent(p ->
                family.messages.add("warning: the resource policy denies " + "every principal (\"Principal\": \"*\") "
                        + "all DynamoDB actions; once attached, nobody but the account's root user can read or "
                        + "change the table or its policy, ddb-gitops included"));
        if (live instanceof LivePolicy.Unreadable unreadable) {
            family.unreadable(unreadable.reason(), wanted.isPresent());
        } else if (wanted.isPresent()) {
            family.converge(wanted.get(), live);
        } else if (live instanceof LivePolicy.Attached attached) {
            family.absentFromManifest(attached);
        }
        return family;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The calls, once the table is ACTIVE (a policy names the table's ARN, which exists only then). */
    public List<PolicyStep> steps() {
        return List.copyOf(steps);
    }

    public Map<String, String> applied() {
        return Map.copyOf(applied);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    private void converge(String wanted, LivePolicy live) {
        String want = digest(wanted);
        applied.put(FIELD, want);
        applied.put(SET_BY, OURS);
        if (live instanceof LivePolicy.Attached attached) {
            String have = digest(attached.policy());
            if (!have.equals(want)) {
                changes.add(new Change(FIELD, have, want, "update", cause(want)));
                steps.add(new PolicyStep.Put(wanted, attached.revisionId()));
            }
        } else {
            changes.add(new Change(FIELD, Fields.ABSENT, want, "create", cause(want)));
            steps.add(new PolicyStep.Put(wanted, PolicyStep.NO_POLICY));
        }
    }

    private void absentFromManifest(LivePolicy.Attached attached) {
        String have = digest(attached.policy());
        if (OURS.equals(previouslyApplied.get(SET_BY))) {
            changes.add(new Change(FIELD, have, Fields.ABSENT, "delete", Change.Cause.GIT));
            steps.add(new PolicyStep.Delete(Optional.of(attached.revisionId())));
        } else {
            messages.add("the table has a resource policy (" + have + ") that ddb-gitops did not attach and the "
                    + "manifest does not declare; it is left alone");
        }
    }

    private void unreadable(String reason, boolean declared) {
        previouslyApplied.forEach((field, value) -> {
            if (field.equals(FIELD) || field.equals(SET_BY)) {
                applied.put(field, value);
            }
        });
        if (declared || previouslyApplied.containsKey(SET_BY)) {
            messages.add("the resource policy could not be read (" + reason + "); it was not checked or written");
        }
    }

    /** Drift when the live policy moved away from what we applied; git when the manifest moved. */
    private Change.Cause cause(String want) {
        return want.equals(previouslyApplied.get(FIELD)) ? Change.Cause.DRIFT : Change.Cause.GIT;
    }

    /** By meaning when it is JSON; a live text that is not (never from us) by its bytes. */
    static String digest(String policy) {
        return PolicyDocument.parse(policy).map(PolicyDocument::digest).orElseGet(() -> PolicyDocument.digestOf(policy));
    }
}
