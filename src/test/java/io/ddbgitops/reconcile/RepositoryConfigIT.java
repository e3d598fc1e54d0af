package io.ddbgitops.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.config.RepositoryConfig;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.plan.Ownership;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may touch what, through the whole loop: the repository config's namespace policy and the ownership tag,
 * against a real local endpoint and real git repositories on disk.
 */
class RepositoryConfigIT {
    private static final String POLICY = """
            apiVersion: ddb-gitops/v1
            kind: Config
            policy:
              namespaces:
                shop: {tables: ["shop-*"], regions: [us-east-1], paths: ["teams/shop/*"]}
                billing: {tables: ["billing-*"], regions: [us-east-1], paths: ["teams/billing/*"]}
            """;

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private final RecordingInterceptor recorder = new RecordingInterceptor();

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder));
    }

    @AfterEach
    void stop() {
        clients.close();
        endpoint.close();
    }

    private RunResult apply(ConfigRepo repo) throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, Optional.empty(),
                Instant.parse("2026-12-01T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        return new Reconciler(new ManifestLoader(), clients).run(request);
    }

    private DynamoDbClient east() {
        return clients.forRegion("us-east-1");
    }

    private static String manifest(String namespace, String name, String table, String extra) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  readcapacityunits: 5
                  writecapacityunits: 5
                %s""".formatted(name, namespace, table, extra);
    }

    private static Map<String, String> files(String... pathsAndTexts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return files;
    }

    @Test
    void aTeamCannotDeclareAnotherTeamsTableWhileItsOwnTableIsCreated() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("billing's tables", files(
                "ddb-gitops.yaml", POLICY,
                "teams/billing/invoices.yaml", manifest("billing", "invoices", "billing-invoices", ""),
                "teams/billing/orders.yaml", manifest("billing", "orders", "shop-orders", "")));

        RunResult result = apply(repo);

        assertThat(result.exitCode()).as(result.markdown()).isEqualTo(RunResult.INVALID);
        assertThat(east().listTables().tableNames())
                .filteredOn(t -> !t.equals(RunLeases.DEFAULT_TABLE)).containsExactly("billing-invoices");
        assertThat(result.report().summary().created()).isEqualTo(1);
        assertThat(result.report().summary().invalid()).isEqualTo(1);
        assertThat(result.report().tables()).extracting(TableEntry::table).containsExactly("billing-invoices");
        assertThat(result.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("teams/billing/orders.yaml");
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.field()).isEqualTo("spec.tablename");
            assertThat(e.message()).isEqualTo("table \"shop-orders\" is outside what namespace \"billing\" may manage: "
                    + "ddb-gitops.yaml:6:5 policy.namespaces.billing.tables allows billing-*");
        });
        DriftReport pushed = ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
        assertThat(pushed.policy()).contains("ddb-gitops.yaml policy: namespaces billing, shop");
        assertThat(repo.read("drift/REPORT.md").orElseThrow())
                .contains("Policy: ddb-gitops.yaml policy: namespaces billing, shop")
                .contains("teams/billing/orders.yaml:8:3");
    }

    @Test
    void aManifestThatClaimsAnotherNamespaceOutsideThatNamespacesFolderIsRefused() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("billing poses as shop", files(
                "ddb-gitops.yaml", POLICY,
                "teams/billing/orders.yaml", manifest("shop", "orders", "shop-orders", "")));

        RunResult result = apply(repo);

        assertThat(result.exitCode()).isEqualTo(RunResult.INVALID);
        assertThat(east().listTables().tableNames()).filteredOn(t -> !t.equals(RunLeases.DEFAULT_TABLE)).isEmpty();
        assertThat(result.report().errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("policy.namespaces.shop.paths allows teams/shop/*"));
    }

    @Test
    void withoutAConfigEverythingIsAllowedAndTheReportSaysSo() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("one table", files(
                "teams/billing/orders.yaml", manifest("billing", "orders", "shop-orders", "")));

        RunResult result = apply(repo);

        assertThat(result.exitCode()).isZero();
        assertThat(east().listTables().tableNames())
                .filteredOn(t -> !t.equals(RunLeases.DEFAULT_TABLE)).containsExactly("shop-orders");
        String json = repo.read("drift/report.json").orElseThrow();
        assertThat(ReportJson.read(json).orElseThrow().policy()).contains(RepositoryConfig.NO_POLICY);
        assertThat(json).contains("\"policy\": \"none — every namespace may manage every table\"");
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("schemas/drift-report-v1.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(schema.validate(new ObjectMapper().readTree(json))).isEmpty();
        assertThat(repo.read("drift/REPORT.md").orElseThrow())
                .contains("Policy: none — every namespace may manage every table");
    }

    @Test
    void anInvalidConfigStopsTheRunBeforeAnyTableIsReadAndPushesNothing() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("a broken policy", files(
                "ddb-gitops.yaml", POLICY.replace("regions: [us-east-1], paths: [\"teams/shop/*\"]",
                        "regions: [us-east-1], accounts: [prod], paths: [\"teams/shop/*\"]"),
                "teams/shop/orders.yaml", manifest("shop", "orders", "shop-orders", "")));
        int commits = repo.log().size();
        recorder.clear();

        RunResult result = apply(repo);

        assertThat(result.exitCode()).isEqualTo(RunResult.INVALID);
        assertThat(recorder.operations()).as("no AWS call at all").isEmpty();
        assertThat(east().listTables().tableNames()).isEmpty();
        assertThat(result.published()).isEmpty();
        assertThat(repo.log()).hasSize(commits);
        assertThat(result.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("ddb-gitops.yaml");
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.field()).isEqualTo("policy.namespaces.shop.accounts.0");
            assertThat(e.message()).startsWith("account prod is not defined under accounts");
        });
        assertThat(result.report().policy()).hasValueSatisfying(p -> assertThat(p).startsWith("invalid"));
        assertThat(result.markdown()).contains("ddb-gitops.yaml:5:");
    }

    @Test
    void adoptDoesNotTakeATableAnotherManifestOwns() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("shop's table", files(
                "teams/shop/orders.yaml", manifest("shop", "orders", "shared-orders", "")));
        apply(repo);
        repo.commit("billing adopts it", files(
                "teams/shop/orders.yaml", null,
                "teams/billing/orders.yaml", manifest("billing", "orders", "shared-orders", """
                          optional_spec:
                            adopt: true
                            tags: {team: billing}
                        """).replace("readcapacityunits: 5", "readcapacityunits: 50")));
        recorder.clear();

        RunResult result = apply(repo);

        assertThat(result.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        TableEntry entry = result.report().tables().get(0);
        assertThat(entry.status()).isEqualTo("unmanaged");
        assertThat(entry.messages().get(0)).contains("owned by manifest shop/orders, not billing/orders")
                .contains("adopt: true only takes a table that no manifest owns");
        assertThat(recorder.writes()).isEmpty();
        TableDescription table = east().describeTable(r -> r.tableName("shared-orders")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(east().listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly(Ownership.TAG_KEY + "=shop/orders");
    }

    @Test
    void adoptStillTakesATableNobodyOwns() throws Exception {
        east().createTable(r -> r.tableName("handmade")
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        ConfigRepo repo = ConfigRepo.create(temp).commit("adopt it", files(
                "teams/billing/handmade.yaml", manifest("billing", "handmade", "handmade", """
                          optional_spec:
                            adopt: true
                        """)));

        RunResult result = apply(repo);

        assertThat(result.exitCode()).as(result.markdown()).isZero();
        TableDescription table = east().describeTable(r -> r.tableName("handmade")).table();
        assertThat(east().listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly(Ownership.TAG_KEY + "=billing/handmade");
        assertThat(Collections.frequency(recorder.writes(), "TagResource")).isEqualTo(1);
    }
}
