package io.ddbgitops.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbgitops.local.AwsCli;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The resource policy through the local endpoint: attached from a file beside the manifest, compared by meaning,
 * changed with the revision read, put back after a change outside git (the AWS CLI), and deleted when the manifest
 * drops it, only if this tool attached it.
 */
class ResourcePolicyIT extends EndpointPerTest {
    private static final String REGION = "us-east-1";
    private static final String READERS = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:role/reader"},
                             "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "*"}]
            }
            """;
    private static final String WRITERS = READERS.replace("dynamodb:Query", "dynamodb:PutItem");

    private static String manifest(String table, String optionalSpec) {
        return Manifests.onDemand(table, optionalSpec);
    }

    private static String fromFile(String table) {
        return manifest(table, "    resource_policy: {file: policies/" + table + ".json}\n");
    }

    /** Each run's calls alone: the recorder is cleared first. */
    @Override
    RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        recorder.clear();
        return super.run(repo, mode);
    }

    private DynamoDbClient dynamo() {
        return clients.forRegion(REGION);
    }

    private String arn(String table) {
        return dynamo().describeTable(r -> r.tableName(table)).table().tableArn();
    }

    private GetResourcePolicyResponse policy(String table) {
        return dynamo().getResourcePolicy(r -> r.resourceArn(arn(table)));
    }

    private static TableEntry entry(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static boolean sameJson(String a, String b) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return json.readTree(a).equals(json.readTree(b));
    }

    @Test
    void aPolicyFromAFileIsAttachedChangedInGitAndDeletedWhenRemoved() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("policy", Map.of("t.yaml", fromFile("Guarded"),
                "policies/Guarded.json", READERS));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(recorder.writes()).contains("CreateTable", "PutResourcePolicy");
        GetResourcePolicyResponse first = policy("Guarded");
        assertThat(sameJson(first.policy(), READERS)).isTrue();
        assertThat(entry(created, "Guarded").changes()).extracting(ChangeEntry::field, ChangeEntry::action)
                .contains(org.assertj.core.groups.Tuple.tuple("resource_policy", "create"));

        // the same policy reformatted (keys reordered, no whitespace) is no change
        repo.commit("reformat", Map.of("policies/Guarded.json",
                new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(READERS))));
        RunResult same = run(repo, RunRequest.Mode.APPLY);
        assertThat(entry(same, "Guarded").status()).as(same.markdown()).isEqualTo("in_sync");
        assertThat(recorder.writes()).isEmpty();

        repo.commit("writers", Map.of("policies/Guarded.json", WRITERS));
        RunResult changed = run(repo, RunRequest.Mode.APPLY);

        assertThat(changed.exitCode()).as(changed.markdown()).isZero();
        assertThat(recorder.writes()).containsExactly("PutResourcePolicy");
        assertThat(entry(changed, "Guarded").changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("resource_policy");
            assertThat(c.action()).isEqualTo("update");
            assertThat(c.cause()).isEqualTo("git");
        });
        GetResourcePolicyResponse second = policy("Guarded");
        assertThat(sameJson(second.policy(), WRITERS)).isTrue();
        assertThat(second.revisionId()).isNotEqualTo(first.revisionId());

        repo.commit("no policy", Map.of("t.yaml", manifest("Guarded", "")));
        RunResult removed = run(repo, RunRequest.Mode.APPLY);

        assertThat(removed.exitCode()).as(removed.markdown()).isZero();
        assertThat(recorder.writes()).containsExactly("DeleteResourcePolicy");
        assertThatThrownBy(() -> policy("Guarded")).isInstanceOf(PolicyNotFoundException.class)
                .hasMessageContaining("Resource-based policy not found for the provided ResourceArn: "
                        + arn("Guarded"));
        assertThat(entry(run(repo, RunRequest.Mode.PLAN), "Guarded").status()).isEqualTo("in_sync");
    }

    @Test
    void aPolicyChangedOrDeletedOutsideGitIsDriftAndPutBack() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "the AWS CLI is needed to change the policy outside the tool");
        ConfigRepo repo = ConfigRepo.create(temp).commit("policy", Map.of("t.yaml", fromFile("Drifting"),
                "policies/Drifting.json", READERS));
        run(repo, RunRequest.Mode.APPLY);
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp);
        String revision = cli.json("dynamodb", "get-resource-policy", "--resource-arn", arn("Drifting"))
                .path("RevisionId").asText();
        assertThat(revision).isEqualTo(policy("Drifting").revisionId());
        cli.json("dynamodb", "put-resource-policy", "--resource-arn", arn("Drifting"), "--policy", WRITERS,
                "--expected-revision-id", revision);

        RunResult plan = run(repo, RunRequest.Mode.PLAN);
        assertThat(entry(plan, "Drifting").status()).isEqualTo("drifted");
        assertThat(entry(plan, "Drifting").changes()).singleElement().extracting(ChangeEntry::cause).isEqualTo("drift");
        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(apply.exitCode()).as(apply.markdown()).isZero();
        assertThat(sameJson(policy("Drifting").policy(), READERS)).isTrue();

        cli.json("dynamodb", "delete-resource-policy", "--resource-arn", arn("Drifting"));
        RunResult again = run(repo, RunRequest.Mode.APPLY);
        assertThat(entry(again, "Drifting").changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("create");
            assertThat(c.cause()).isEqualTo("drift");
        });
        assertThat(sameJson(policy("Drifting").policy(), READERS)).isTrue();
    }

    @Test
    void aPolicySomeoneElseAttachedIsLeftAloneWhenTheManifestNeverHadOne() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("plain", Map.of("t.yaml", manifest("Theirs", "")));
        run(repo, RunRequest.Mode.APPLY);
        dynamo().putResourcePolicy(r -> r.resourceArn(arn("Theirs")).policy(READERS));

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(recorder.writes()).isEmpty();
        assertThat(recorder.operations()).as("a policy neither declared nor ours is not even read")
                .doesNotContain("GetResourcePolicy");
        assertThat(entry(apply, "Theirs").status()).isEqualTo("in_sync");
        assertThat(sameJson(policy("Theirs").policy(), READERS)).isTrue();
    }

    @Test
    void aPolicyDenyingEveryoneIsWarnedAboutInThePlan() throws Exception {
        String denyAll = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Principal\": "
                + "{\"AWS\": \"*\"}, \"Action\": \"dynamodb:*\", \"Resource\": \"*\"}]}";
        ConfigRepo repo = ConfigRepo.create(temp).commit("deny", Map.of("t.yaml",
                manifest("Locked", "    resource_policy: '" + denyAll + "'\n")));

        RunResult plan = run(repo, RunRequest.Mode.PLAN);

        assertThat(entry(plan, "Locked").messages()).anySatisfy(m -> assertThat(m)
                .startsWith("warning: the resource policy denies every principal"));
        assertThat(plan.markdown()).contains("denies every principal");
    }

    @Test
    void theEndpointRefusesAStaleRevisionAsAwsDoes() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("plain", Map.of("t.yaml", manifest("Revised", "")));
        run(repo, RunRequest.Mode.APPLY);
        String arn = arn("Revised");
        String first = dynamo().putResourcePolicy(r -> r.resourceArn(arn).policy(READERS)
                .expectedRevisionId("NO_POLICY")).revisionId();
        String second = dynamo().putResourcePolicy(r -> r.resourceArn(arn).policy(WRITERS)
                .expectedRevisionId(first)).revisionId();

        assertThatThrownBy(() -> dynamo().putResourcePolicy(r -> r.resourceArn(arn).policy(READERS)
                .expectedRevisionId(first))).isInstanceOf(PolicyNotFoundException.class).hasMessageStartingWith(
                "Resource-based policy not found for the provided ResourceArn: Requested update for policy with "
                        + "revision id " + first + ", but the policy associated to target table Revised has "
                        + "revision id " + second + ".");
        assertThatThrownBy(() -> dynamo().putResourcePolicy(r -> r.resourceArn(arn).policy(READERS)
                .expectedRevisionId("NO_POLICY"))).isInstanceOf(PolicyNotFoundException.class)
                .hasMessageStartingWith("Resource-based policy not found for the provided ResourceArn: Requested "
                        + "policy update expecting none to be present for table Revised, but a policy exists with "
                        + "revision id " + second + ".");
        if (AwsCli.find().isPresent()) {
            AwsCli.Result stale = new AwsCli(endpoint.endpoint(), temp).run("dynamodb", "delete-resource-policy",
                    "--resource-arn", arn, "--expected-revision-id", first);
            assertThat(stale.exitCode()).isNotZero();
            assertThat(stale.stderr()).contains("PolicyNotFoundException");
        }
        dynamo().deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId(second));
        assertThatThrownBy(() -> dynamo().getResourcePolicy(r -> r.resourceArn(arn)))
                .isInstanceOf(PolicyNotFoundException.class);
    }
}
