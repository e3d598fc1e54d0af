package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.policy.LivePolicy;
import io.ddbgitops.plan.policy.PolicyStep;
import io.ddbgitops.plan.policy.ResourcePolicyFamily;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.ddbgitops.plan.Tables.liveOrders;
import static io.ddbgitops.plan.Tables.orders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource policy family: compared by meaning (key order and whitespace do not count), put with the revision
 * read, deleted only when this tool attached it, and a warning for a policy that locks everyone out.
 */
class ResourcePolicyPlannerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String READERS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111111111111:role/reader"}, "Action": ["dynamodb:GetItem"],
              "Resource": "*"}]}""";
    /** The same policy: other key order, no whitespace. */
    private static final String READERS_REORDERED = "{\"Statement\":[{\"Resource\":\"*\",\"Action\":[\"dynamodb:GetItem\"],"
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:role/reader\"},\"Effect\":\"Allow\"}],"
            + "\"Version\":\"2012-10-17\"}";
    private static final String WRITERS = READERS.replace("GetItem", "PutItem");

    private final TablePlanner planner = new TablePlanner();

    private static TableManifest withPolicy(String policy) {
        return orders(o -> o.resourcePolicy(policy));
    }

    private static ObservedTable live(LivePolicy policy) {
        return liveOrders(t -> t.resourcePolicy(policy));
    }

    private TablePlan plan(TableManifest m, ObservedTable live, Map<String, String> previous) {
        return planner.plan(m, Optional.of(live), previous, NOW);
    }

    private static Map<String, String> applied(String policy) {
        return Map.of(ResourcePolicyFamily.FIELD, digest(policy), ResourcePolicyFamily.SET_BY, "ddb-gitops");
    }

    private static String digest(String policy) {
        TablePlan plan = new TablePlanner().plan(withPolicy(policy), Optional.empty(), Map.of(), NOW);
        return plan.desired().get(ResourcePolicyFamily.FIELD);
    }

    @Test
    void newTableGetsThePolicyAfterCreation() {
        TablePlan plan = planner.plan(withPolicy(READERS), Optional.empty(), Map.of(), NOW);

        assertThat(plan.actions()).last().isEqualTo(new Action.ResourcePolicy(
                new PolicyStep.Put(READERS, PolicyStep.NO_POLICY)));
        assertThat(plan.actions().get(0)).isInstanceOf(Action.CreateTable.class);
        assertThat(plan.desired()).containsEntry(ResourcePolicyFamily.SET_BY, "ddb-gitops")
                .containsKey(ResourcePolicyFamily.FIELD);
        assertThat(plan.desired().get(ResourcePolicyFamily.FIELD)).startsWith("sha256:");
    }

    @Test
    void sameMeaningInOtherWordsIsNoChange() {
        TablePlan plan = plan(withPolicy(READERS), live(new LivePolicy.Attached(READERS_REORDERED, "17")),
                applied(READERS));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.actions()).isEmpty();
        assertThat(digest(READERS)).isEqualTo(digest(READERS_REORDERED));
    }

    @Test
    void changedInGitIsPutWithTheRevisionRead() {
        TablePlan plan = plan(withPolicy(WRITERS), live(new LivePolicy.Attached(READERS, "17")), applied(READERS));

        assertThat(plan.actions()).containsExactly(new Action.ResourcePolicy(new PolicyStep.Put(WRITERS, "17")));
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("resource_policy");
            assertThat(c.action()).isEqualTo("update");
            assertThat(c.cause()).isEqualTo(Change.Cause.GIT);
            assertThat(c.from()).isEqualTo(digest(READERS));
            assertThat(c.to()).isEqualTo(digest(WRITERS));
        });
    }

    @Test
    void changedOutsideTheToolIsDriftPutBack() {
        TablePlan plan = plan(withPolicy(READERS), live(new LivePolicy.Attached(WRITERS, "18")), applied(READERS));

        assertThat(plan.status()).isEqualTo(TableStatus.DRIFTED);
        assertThat(plan.changes()).singleElement().extracting(Change::cause).isEqualTo(Change.Cause.DRIFT);
        assertThat(plan.actions()).containsExactly(new Action.ResourcePolicy(new PolicyStep.Put(READERS, "18")));
    }

    @Test
    void deletedOutsideTheToolIsAttachedAgain() {
        TablePlan plan = plan(withPolicy(READERS), live(LivePolicy.none()), applied(READERS));

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("create");
            assertThat(c.cause()).isEqualTo(Change.Cause.DRIFT);
        });
        assertThat(plan.actions()).containsExactly(new Action.ResourcePolicy(
                new PolicyStep.Put(READERS, PolicyStep.NO_POLICY)));
    }

    @Test
    void removedFromTheManifestIsDeletedOnlyWhenWeAttachedIt() {
        TablePlan ours = plan(orders(), live(new LivePolicy.Attached(READERS, "17")), applied(READERS));
        TablePlan theirs = plan(orders(), live(new LivePolicy.Attached(READERS, "17")), Map.of());

        assertThat(ours.actions()).containsExactly(new Action.ResourcePolicy(new PolicyStep.Delete(Optional.of("17"))));
        assertThat(ours.changes()).singleElement().extracting(Change::action).isEqualTo("delete");
        assertThat(ours.desired()).doesNotContainKeys(ResourcePolicyFamily.FIELD, ResourcePolicyFamily.SET_BY);
        assertThat(theirs.actions()).isEmpty();
        assertThat(theirs.changes()).isEmpty();
        assertThat(theirs.messages()).anySatisfy(m -> assertThat(m).contains("did not attach").contains("left alone"));
    }

    @Test
    void unreadablePolicyIsLeftAloneAndKeepsTheRecord() {
        TablePlan plan = plan(withPolicy(WRITERS), live(new LivePolicy.Unreadable("AccessDeniedException")),
                applied(READERS));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.desired()).containsAllEntriesOf(applied(READERS));
        assertThat(plan.messages()).anySatisfy(m -> assertThat(m).contains("could not be read"));
    }

    @Test
    void policyDenyingEveryoneEverythingIsWarnedAbout() {
        String denyAll = "{\"Statement\": {\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"*\"}, "
                + "\"Action\": \"dynamodb:*\", \"Resource\": \"*\"}}";
        String denyStar = "{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": [\"*\"], "
                + "\"Resource\": \"*\"}]}";
        String denyOne = "{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", "
                + "\"Action\": \"dynamodb:DeleteTable\", \"Resource\": \"*\"}]}";

        assertThat(plan(withPolicy(denyAll), live(LivePolicy.none()), Map.of()).messages())
                .anySatisfy(m -> assertThat(m).startsWith("warning: the resource policy denies every principal"));
        assertThat(plan(withPolicy(denyStar), live(LivePolicy.none()), Map.of()).messages())
                .anySatisfy(m -> assertThat(m).startsWith("warning:"));
        assertThat(plan(withPolicy(denyOne), live(LivePolicy.none()), Map.of()).messages())
                .noneSatisfy(m -> assertThat(m).startsWith("warning:"));
        assertThat(plan(withPolicy(READERS), live(LivePolicy.none()), Map.of()).messages())
                .noneSatisfy(m -> assertThat(m).startsWith("warning:"));
    }
}
