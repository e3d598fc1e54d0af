package io.ddbgitops.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.AwsCli;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Two accounts reached through assume-role, and the default credential chain, in one run against the local
 * endpoint: each manifest's table lands in its own account, and every call on a table is signed with its own
 * account's credentials, never the other's.
 */
class AccountsIT {
    private static final String ALPHA = "111111111111";
    private static final String BETA = "222222222222";
    private static final String ALPHA_ROLE = "arn:aws:iam::111111111111:role/ddb-gitops";
    private static final String BETA_ROLE = "arn:aws:iam::222222222222:role/team/ddb-gitops";
    private static final String CONFIG = """
            apiVersion: ddb-gitops/v1
            kind: Config
            accounts:
              alpha: {account_id: "111111111111", role_arn: "%s", external_id: "ext-alpha", session_name: "gitops-alpha"}
              beta:
                account_id: "222222222222"
                role_arn: "%s"
                external_id: "ext-beta"
            """.formatted(ALPHA_ROLE, BETA_ROLE);

    /** Each call the SDK sends, with the table (name or ARN) it names and the access key id it is signed with. */
    private record Call(String service, String operation, String table, String accessKey) {
    }

    private static final class SigningRecorder implements ExecutionInterceptor {
        private static final Pattern KEY = Pattern.compile("Credential=([^/]+)/");
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String table = context.request().getValueForField("TableName", String.class)
                    .or(() -> context.request().getValueForField("ResourceArn", String.class))
                    .or(() -> context.request().getValueForField("ResourceId", String.class))
                    .orElse("");
            Matcher key = KEY.matcher(context.httpRequest().firstMatchingHeader("Authorization").orElse(""));
            calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), table,
                    key.find() ? key.group(1) : ""));
        }

        List<Call> on(String table) {
            return calls.stream().filter(c -> c.table().equals(table) || c.table().endsWith("/" + table)
                    || c.table().contains("/" + table + "/")).toList();
        }
    }

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private final SigningRecorder recorder = new SigningRecorder();

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        // the roles' trust policies demand the external ids: a run that did not pass them would be AccessDenied
        endpoint.roles().trust(ALPHA_ROLE, Optional.of("ext-alpha"));
        endpoint.roles().trust(BETA_ROLE, Optional.of("ext-beta"));
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder));
    }

    @AfterEach
    void stop() {
        clients.close();
        endpoint.close();
    }

    private RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        RunRequest request = new RunRequest(mode, repo.url(), Optional.empty(), true, Optional.empty(),
                Instant.parse("2026-12-01T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        return new Reconciler(new ManifestLoader(), clients).run(request);
    }

    private static String manifest(String name, String table, String account) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: shop
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  optional_spec:
                    billing_mode: PAY_PER_REQUEST
                    tags: {team: shop}
                %s""".formatted(name, table, account.isEmpty() ? "" : "    account: " + account + "\n");
    }

    private ConfigRepo repo(String... pathsAndTexts) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ddb-gitops.yaml", CONFIG);
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return ConfigRepo.create(temp).commit("tables in two accounts", files);
    }

    @Test
    void eachTableLandsInItsOwnAccountSignedOnlyWithThatAccountsCredentials() throws Exception {
        ConfigRepo repo = repo(
                "alpha.yaml", manifest("alpha", "alpha-orders", "alpha"),
                "beta.yaml", manifest("beta", "beta-orders", "beta"),
                "plain.yaml", manifest("plain", "plain-orders", ""));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).as(applied.markdown()).isEqualTo(RunResult.OK);
        assertThat(applied.report().summary().created()).isEqualTo(3);
        assertThat(recorder.on("alpha-orders")).isNotEmpty().allSatisfy(c -> assertThat(c.accessKey()).isEqualTo(ALPHA));
        assertThat(recorder.on("beta-orders")).isNotEmpty().allSatisfy(c -> assertThat(c.accessKey()).isEqualTo(BETA));
        assertThat(recorder.on("plain-orders")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.accessKey()).doesNotMatch("[0-9]{12}"));
        // one assumed session per account, reused for every call and table
        assertThat(recorder.calls).filteredOn(c -> c.operation().equals("AssumeRole")).hasSize(2)
                .allSatisfy(c -> assertThat(c.accessKey()).doesNotMatch("[0-9]{12}"));
        // tables are listed per account too: each account's listing is signed with its own key
        assertThat(recorder.calls).filteredOn(c -> c.operation().equals("ListTables")).hasSize(3)
                .extracting(Call::accessKey).filteredOn(k -> k.matches("[0-9]{12}")).containsExactlyInAnyOrder(ALPHA, BETA);

        DriftReport committed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
        assertThat(committed.tables()).extracting(TableEntry::table, TableEntry::account, t -> t.accountId().orElse(""))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("alpha-orders", "alpha", ALPHA),
                        org.assertj.core.groups.Tuple.tuple("beta-orders", "beta", BETA),
                        org.assertj.core.groups.Tuple.tuple("plain-orders", "default", ""));
        assertThat(repo.read("drift/REPORT.md").orElseThrow())
                .contains("| status | manifest | account | region | table | changes |")
                .contains("| alpha (111111111111) | us-east-1 | alpha-orders |")
                .contains("| beta (222222222222) | us-east-1 | beta-orders |")
                .contains("| default | us-east-1 | plain-orders |");

        recorder.calls.clear();
        RunResult again = run(repo, RunRequest.Mode.PLAN);
        assertThat(again.exitCode()).as(again.markdown()).isEqualTo(RunResult.OK);
        assertThat(again.report().summary().inSync()).isEqualTo(3);
        assertThat(again.report().unmanaged()).isEmpty();
        assertThat(recorder.calls).filteredOn(c -> c.operation().equals("AssumeRole")).isEmpty();
        assertThat(recorder.on("alpha-orders")).isNotEmpty().allSatisfy(c -> assertThat(c.accessKey()).isEqualTo(ALPHA));
    }

    @Test
    void eachAccountsTablesAreSeenOnlyWithItsOwnKeyFromTheAwsCli() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        ConfigRepo repo = repo(
                "alpha.yaml", manifest("alpha", "alpha-orders", "alpha"),
                "beta.yaml", manifest("beta", "beta-orders", "beta"),
                "plain.yaml", manifest("plain", "plain-orders", ""));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isEqualTo(RunResult.OK);
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp.resolve("cli-home"));
        java.nio.file.Files.createDirectories(temp.resolve("cli-home"));

        assertThat(cli.withAccessKey(ALPHA).json("dynamodb", "list-tables").path("TableNames").toString())
                .isEqualTo("[\"alpha-orders\"]");
        assertThat(cli.withAccessKey(BETA).json("dynamodb", "list-tables").path("TableNames").toString())
                .isEqualTo("[\"beta-orders\"]");
        // the default account also holds the run lease's lock table (RunLeases), which is no manifest's
        assertThat(cli.json("dynamodb", "list-tables").path("TableNames").toString())
                .isEqualTo("[\"ddb-gitops-locks\",\"plain-orders\"]");
        assertThat(cli.withAccessKey(ALPHA).json("dynamodb", "describe-table", "--table-name", "alpha-orders")
                .at("/Table/TableArn").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/alpha-orders");
        assertThat(cli.withAccessKey(BETA).json("dynamodb", "list-tags-of-resource", "--resource-arn",
                "arn:aws:dynamodb:us-east-1:222222222222:table/beta-orders").path("Tags").toString())
                .contains("\"ddb-gitops/manifest\"").contains("shop/beta");
        assertThat(cli.withAccessKey(ALPHA).json("sts", "get-caller-identity").path("Account").asText())
                .isEqualTo(ALPHA);
        assertThat(cli.withAccessKey(BETA).json("sts", "get-caller-identity").path("Account").asText())
                .isEqualTo(BETA);
    }

    @Test
    void theLeaseIsTakenInTheLockAccountsTableWithThatAccountsRole() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ddb-gitops.yaml", CONFIG + "lock: {account: beta, region: us-east-1, table: team-locks}\n");
        files.put("alpha.yaml", manifest("alpha", "alpha-orders", "alpha"));
        files.put("beta.yaml", manifest("beta", "beta-orders", "beta"));
        ConfigRepo repo = ConfigRepo.create(temp.resolve("repo")).commit("lock table in beta", files);
        String key = RunLeases.key(repo.url(), "main");
        java.nio.file.Files.createDirectories(temp.resolve("cli-home"));
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp.resolve("cli-home"));
        // while the run holds its lease (inside its CreateTable of alpha-orders), a client we do not control looks
        // for the lease item with each account's key
        String[] seen = new String[3];
        ExecutionInterceptor peek = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (seen[0] == null && "CreateTable".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                        && context.request().toString().contains("alpha-orders")) {
                    try {
                        String getItem = "{\"key\":{\"S\":\"" + key + "\"}}";
                        seen[0] = cli.withAccessKey(BETA).json("dynamodb", "get-item", "--table-name", "team-locks",
                                "--consistent-read", "--key", getItem).path("Item").toString();
                        seen[1] = cli.json("dynamodb", "list-tables").path("TableNames").toString();
                        seen[2] = cli.run("dynamodb", "get-item", "--table-name", "team-locks", "--key", getItem)
                                .stderr();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        RunResult applied;
        try (DynamoDbClients peeked = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint())
                .withInterceptor(recorder).withInterceptor(peek))) {
            applied = new Reconciler(new ManifestLoader(), peeked).run(new RunRequest(RunRequest.Mode.APPLY,
                    repo.url(), Optional.empty(), true, Optional.empty(), Instant.parse("2026-12-01T12:00:00Z"),
                    GitAuth.none(), CommitAuthor.defaults()));
        }

        assertThat(applied.exitCode()).as(applied.markdown()).isEqualTo(RunResult.OK);
        assertThat(seen[0]).as("the lease item, read with beta's key").contains("\"ownerName\"")
                .contains("\"leaseDuration\":{\"S\":\"60000\"}");
        assertThat(seen[1]).as("the default account has no lock table").doesNotContain("team-locks")
                .doesNotContain("ddb-gitops-locks");
        assertThat(seen[2]).contains("ResourceNotFoundException");
        // every call on the lock table is signed with beta's key, and beta's role is assumed once for its tables
        // and the lease alike (one cached provider per account)
        assertThat(recorder.on("team-locks")).isNotEmpty().allSatisfy(c -> assertThat(c.accessKey()).isEqualTo(BETA))
                .extracting(Call::operation).contains("CreateTable", "PutItem", "DeleteItem");
        assertThat(recorder.calls).filteredOn(c -> c.operation().equals("AssumeRole")).hasSize(2);
        assertThat(applied.report().unmanaged()).as("the lock table is no undeclared table of beta").isEmpty();
        assertThat(cli.withAccessKey(BETA).json("dynamodb", "scan", "--table-name", "team-locks", "--consistent-read")
                .path("Items").size()).as("released").isZero();
        assertThat(clients.forRegion("us-east-1").listTables().tableNames()).isEmpty();
    }

    @Test
    void aLockAccountTheConfigDoesNotDefineStopsTheRunBeforeAnyCall() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ddb-gitops.yaml", CONFIG + "lock: {account: gamma, region: us-east-1, table: team-locks}\n");
        files.put("alpha.yaml", manifest("alpha", "alpha-orders", "alpha"));
        ConfigRepo repo = ConfigRepo.create(temp.resolve("repo")).commit("a lock account nobody defined", files);

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).isEqualTo(RunResult.INVALID);
        assertThat(applied.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("ddb-gitops.yaml");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.message()).contains("account gamma is not defined under accounts (defined: alpha, beta)");
        });
        assertThat(recorder.calls).as("no lease, no table, no role").isEmpty();
    }

    @Test
    void theSameTableNameInTwoAccountsIsTwoTables() throws Exception {
        ConfigRepo repo = repo(
                "alpha.yaml", manifest("alpha", "orders", "alpha"),
                "beta.yaml", manifest("beta", "orders", "beta"));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).as(applied.markdown()).isEqualTo(RunResult.OK);
        assertThat(applied.report().summary().created()).isEqualTo(2);
        assertThat(clients.dynamoDb("alpha", "us-east-1").describeTable(r -> r.tableName("orders")).table().tableArn())
                .contains(":111111111111:");
        assertThat(clients.dynamoDb("beta", "us-east-1").describeTable(r -> r.tableName("orders")).table().tableArn())
                .contains(":222222222222:");
        assertThat(clients.forRegion("us-east-1").listTables().tableNames()).as("only the lease's lock table")
                .containsExactly("ddb-gitops-locks");
    }

    @Test
    void aManifestNamingAnUndefinedAccountIsInvalidAndTheOthersAreApplied() throws Exception {
        ConfigRepo repo = repo(
                "alpha.yaml", manifest("alpha", "alpha-orders", "alpha"),
                "typo.yaml", manifest("typo", "typo-orders", "bta"));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).isEqualTo(RunResult.INVALID);
        assertThat(applied.report().summary().created()).isEqualTo(1);
        assertThat(applied.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("typo.yaml");
            assertThat(e.line()).isEqualTo(14);
            assertThat(e.message()).isEqualTo("account \"bta\" is not defined in ddb-gitops.yaml (accounts: alpha, "
                    + "beta); did you mean \"beta\"?");
        });
        assertThat(recorder.on("typo-orders")).isEmpty();
    }

    @Test
    void aRoleThatRefusesTheRunFailsOnlyThatAccountsTables() throws Exception {
        endpoint.roles().trust(BETA_ROLE, Optional.of("another-external-id"));
        ConfigRepo repo = repo(
                "alpha.yaml", manifest("alpha", "alpha-orders", "alpha"),
                "beta.yaml", manifest("beta", "beta-orders", "beta"),
                "beta2.yaml", manifest("beta2", "beta-invoices", "beta"),
                "beta3.yaml", manifest("beta3", "beta-payments", "beta"));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(applied.report().tables()).extracting(TableEntry::table, TableEntry::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("alpha-orders", "created"),
                org.assertj.core.groups.Tuple.tuple("beta-orders", "failed"),
                org.assertj.core.groups.Tuple.tuple("beta-invoices", "failed"),
                org.assertj.core.groups.Tuple.tuple("beta-payments", "failed"));
        TableEntry beta = applied.report().tables().stream().filter(t -> t.table().equals("beta-orders")).findFirst()
                .orElseThrow();
        assertThat(String.join("\n", beta.messages())).contains("cannot assume the role of account beta: AccessDenied")
                .doesNotContain("another-external-id").doesNotContain("ext-beta");
        assertThat(recorder.on("beta-orders")).isEmpty();
        // the pre-flight asks once for the account (and the listing of undeclared tables once more), not per table
        assertThat(recorder.calls).filteredOn(c -> c.operation().equals("AssumeRole")).hasSizeLessThanOrEqualTo(3);
    }
}
