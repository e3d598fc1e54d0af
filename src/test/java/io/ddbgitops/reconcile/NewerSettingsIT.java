package io.ddbgitops.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.ddbgitops.local.AwsCli;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Warm throughput, index on-demand caps, contributor insights with its mode, KMS keys by ARN and multi-attribute
 * index keys through the whole path against the local endpoint: created, changed in git, changed outside git with
 * the AWS CLI (drift), and their lines deleted. The CLI also checks the wire where the SDK would hide it.
 */
class NewerSettingsIT extends EndpointPerTest {
    private static final String KEY_A = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KEY_B = "5678abcd-12ab-34cd-56ef-1234567890ab";

    private AwsCli cli;

    @BeforeEach
    void cli() throws java.io.IOException {
        assumeTrue(AwsCli.find().isPresent(), "the AWS CLI is not installed");
        cli = new AwsCli(endpoint.endpoint(), java.nio.file.Files.createDirectories(temp.resolve("aws-home")));
    }

    private static TableEntry entry(DriftReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static Optional<ChangeEntry> change(TableEntry entry, String field) {
        return entry.changes().stream().filter(c -> c.field().equals(field)).findFirst();
    }

    private TableDescription describe(String table) {
        return clients.forRegion("us-east-1").describeTable(r -> r.tableName(table)).table();
    }

    private GlobalSecondaryIndexDescription index(String table, String name) {
        return describe(table).globalSecondaryIndexes().stream().filter(g -> g.indexName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static String events(String tableWarm, String indexLines, String tableInsights) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: events
                  namespace: shop
                spec:
                  region: us-east-1
                  tablename: Events
                  pri_key_attributename: id
                  pri_key_attributetype: S
                  optional_spec:
                    billing_mode: PAY_PER_REQUEST
                """ + tableWarm + tableInsights + """
                    global_secondary_indexes:
                      - index_name: byStatus
                        pri_key_attributename: status
                        pri_key_attributetype: S
                        projection: ALL
                """ + indexLines;
    }

    @Test
    void warmThroughputCapsAndInsightsAreCreatedChangedPutBackAfterDriftAndRemoved() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("events", Map.of("events.yaml", events(
                "    warm_throughput: {read_units_per_second: 13000, write_units_per_second: 5000}\n",
                "        warm_throughput: {read_units_per_second: 14000}\n"
                        + "        max_read_request_units: 100\n"
                        + "        contributor_insights: {enabled: true, mode: THROTTLED_KEYS}\n",
                "    contributor_insights: {enabled: true, mode: ACCESSED_AND_THROTTLED_KEYS}\n")));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(describe("Events").warmThroughput().readUnitsPerSecond()).isEqualTo(13_000);
        assertThat(index("Events", "byStatus").warmThroughput().readUnitsPerSecond()).isEqualTo(14_000);
        assertThat(index("Events", "byStatus").onDemandThroughput().maxReadRequestUnits()).isEqualTo(100);
        JsonNode wire = cli.json("dynamodb", "describe-table", "--table-name", "Events");
        assertThat(wire.at("/Table/WarmThroughput/WriteUnitsPerSecond").asLong()).isEqualTo(5_000);
        assertThat(wire.at("/Table/WarmThroughput/Status").asText()).isEqualTo("ACTIVE");
        assertThat(cli.json("dynamodb", "describe-contributor-insights", "--table-name", "Events", "--index-name",
                "byStatus").path("ContributorInsightsMode").asText()).isEqualTo("THROTTLED_KEYS");
        assertThat(cli.json("dynamodb", "describe-contributor-insights", "--table-name", "Events")
                .path("ContributorInsightsMode").asText()).isEqualTo("ACCESSED_AND_THROTTLED_KEYS");
        recorder.clear();
        assertThat(run(repo, RunRequest.Mode.PLAN).exitCode()).isZero();
        assertThat(recorder.writes()).isEmpty();

        repo.commit("more", Map.of("events.yaml", events(
                "    warm_throughput: {read_units_per_second: 15000, write_units_per_second: 5000}\n",
                "        warm_throughput: {read_units_per_second: 14000}\n"
                        + "        max_read_request_units: 200\n"
                        + "        contributor_insights: {enabled: true, mode: ACCESSED_AND_THROTTLED_KEYS}\n",
                "    contributor_insights: {enabled: true, mode: THROTTLED_KEYS}\n")));
        RunResult changed = run(repo, RunRequest.Mode.APPLY);

        assertThat(changed.exitCode()).as(changed.markdown()).isZero();
        assertThat(entry(changed.report(), "Events").messages()).anyMatch(m -> m.contains("billed"));
        assertThat(describe("Events").warmThroughput().readUnitsPerSecond()).isEqualTo(15_000);
        assertThat(index("Events", "byStatus").onDemandThroughput().maxReadRequestUnits()).isEqualTo(200);
        assertThat(cli.json("dynamodb", "describe-contributor-insights", "--table-name", "Events")
                .path("ContributorInsightsMode").asText()).isEqualTo("THROTTLED_KEYS");

        cli.json("dynamodb", "update-table", "--table-name", "Events", "--global-secondary-index-updates",
                "[{\"Update\":{\"IndexName\":\"byStatus\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":300}}}]");
        cli.json("dynamodb", "update-contributor-insights", "--table-name", "Events", "--contributor-insights-action",
                "DISABLE");
        RunResult drift = run(repo, RunRequest.Mode.APPLY);

        TableEntry drifted = entry(drift.report(), "Events");
        assertThat(drifted.status()).as(drift.markdown()).isEqualTo("drifted");
        assertThat(change(drifted, "on_demand.gsi.byStatus.max_read_request_units")).hasValueSatisfying(c -> {
            assertThat(c.from()).isEqualTo("300");
            assertThat(c.cause()).isEqualTo("drift");
        });
        assertThat(change(drifted, "contributor_insights")).isPresent();
        assertThat(index("Events", "byStatus").onDemandThroughput().maxReadRequestUnits()).isEqualTo(200);
        assertThat(cli.json("dynamodb", "describe-contributor-insights", "--table-name", "Events")
                .path("ContributorInsightsStatus").asText()).isEqualTo("ENABLED");

        repo.commit("lines deleted", Map.of("events.yaml", events("", "", "")));
        RunResult removed = run(repo, RunRequest.Mode.APPLY);

        assertThat(removed.exitCode()).as(removed.markdown()).isZero();
        assertThat(cli.json("dynamodb", "describe-table", "--table-name", "Events")
                .at("/Table/GlobalSecondaryIndexes/0/OnDemandThroughput").isMissingNode()).isTrue();
        assertThat(cli.json("dynamodb", "describe-contributor-insights", "--table-name", "Events")
                .path("ContributorInsightsStatus").asText()).isEqualTo("DISABLED");
        assertThat(cli.json("dynamodb", "describe-contributor-insights", "--table-name", "Events", "--index-name",
                "byStatus").path("ContributorInsightsStatus").asText()).isEqualTo("DISABLED");
        // warm throughput cannot go down: deleting its line leaves it as it is
        assertThat(describe("Events").warmThroughput().readUnitsPerSecond()).isEqualTo(15_000);
        recorder.clear();
        assertThat(run(repo, RunRequest.Mode.PLAN).exitCode()).isZero();
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void aWarmThroughputDecreaseIsBlockedWithTheReasonAndNothingIsWritten() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("events", Map.of("events.yaml", events(
                "    warm_throughput: {read_units_per_second: 13000}\n", "", "")));
        run(repo, RunRequest.Mode.APPLY);
        // raised outside git: the manifest's value is now a decrease
        cli.json("dynamodb", "update-table", "--table-name", "Events", "--warm-throughput", "ReadUnitsPerSecond=20000");
        AwsCli.Result refused = cli.run("dynamodb", "update-table", "--table-name", "Events", "--warm-throughput",
                "ReadUnitsPerSecond=13000");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("ValidationException").contains("decreasing WarmThroughput is not supported");
        recorder.clear();

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        TableEntry events = entry(apply.report(), "Events");
        assertThat(apply.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        assertThat(events.status()).isEqualTo("blocked");
        assertThat(change(events, "warm_throughput.read_units_per_second")).hasValueSatisfying(c -> {
            assertThat(c.action()).isEqualTo("blocked");
            assertThat(c.from()).isEqualTo("20000");
            assertThat(c.to()).isEqualTo("13000");
        });
        assertThat(events.messages()).anyMatch(m -> m.contains("can only be increased"));
        assertThat(recorder.writes()).isEmpty();
        assertThat(describe("Events").warmThroughput().readUnitsPerSecond()).isEqualTo(20_000);
    }

    private static String encrypted(String key) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: vault
                  namespace: shop
                spec:
                  region: us-east-1
                  tablename: Vault
                  pri_key_attributename: id
                  pri_key_attributetype: S
                  optional_spec:
                    billing_mode: PAY_PER_REQUEST
                    sse: {type: KMS, kms_key_id: "%s"}
                """.formatted(key);
    }

    @Test
    void aKmsKeyIsComparedByArnThroughTheEndpointsKmsAndSwappingItOutsideIsSeen() throws Exception {
        cli.run("kms", "create-alias", "--alias-name", "alias/vault", "--target-key-id", KEY_A);
        cli.run("kms", "create-alias", "--alias-name", "alias/other", "--target-key-id", KEY_B);
        ConfigRepo repo = ConfigRepo.create(temp).commit("vault", Map.of("vault.yaml", encrypted("alias/vault")));
        run(repo, RunRequest.Mode.APPLY);
        assertThat(describe("Vault").sseDescription().kmsMasterKeyArn()).endsWith(":key/" + KEY_A);
        recorder.clear();
        assertThat(run(repo, RunRequest.Mode.PLAN).exitCode()).isZero();
        assertThat(recorder.writes()).isEmpty();

        cli.json("dynamodb", "update-table", "--table-name", "Vault", "--sse-specification",
                "Enabled=true,SSEType=KMS,KMSMasterKeyId=alias/other");
        RunResult drift = run(repo, RunRequest.Mode.APPLY);

        TableEntry vault = entry(drift.report(), "Vault");
        assertThat(vault.status()).as(drift.markdown()).isEqualTo("drifted");
        assertThat(change(vault, "sse")).hasValueSatisfying(c -> {
            assertThat(c.from()).endsWith(":key/" + KEY_B);
            assertThat(c.to()).endsWith(":key/" + KEY_A);
        });
        assertThat(describe("Vault").sseDescription().kmsMasterKeyArn()).endsWith(":key/" + KEY_A);

        repo.commit("unknown alias", Map.of("vault.yaml", encrypted("alias/nobody-made-this")));
        recorder.clear();
        RunResult unknown = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(unknown.report(), "Vault").messages()).anyMatch(m -> m.startsWith("cannot compare the KMS key")
                && m.contains("alias/nobody-made-this"));
        assertThat(entry(unknown.report(), "Vault").changes()).noneMatch(c -> c.field().equals("sse"));
        assertThat(recorder.writes()).isEmpty();
    }

    private static String places(String keys) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: places
                  namespace: shop
                spec:
                  region: us-east-1
                  tablename: Places
                  pri_key_attributename: id
                  pri_key_attributetype: S
                  optional_spec:
                    billing_mode: PAY_PER_REQUEST
                    global_secondary_indexes:
                      - index_name: byPlace
                        projection: ALL
                """ + keys;
    }

    @Test
    void aMultiAttributeKeyIsCreatedDescribedAsDeclaredAndRecreatedWhenItChanges() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("places", Map.of("places.yaml", places("""
                        partition_keys: [{name: country, type: S}, {name: city, type: S}]
                        sort_keys: [{name: rank, type: N}]
                """)));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        JsonNode keys = cli.json("dynamodb", "describe-table", "--table-name", "Places")
                .at("/Table/GlobalSecondaryIndexes/0/KeySchema");
        assertThat(keys.toString()).isEqualTo("[{\"AttributeName\":\"country\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"city\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"rank\",\"KeyType\":\"RANGE\"}]");
        recorder.clear();
        assertThat(run(repo, RunRequest.Mode.PLAN).exitCode()).isZero();
        assertThat(recorder.writes()).isEmpty();

        repo.commit("one more", Map.of("places.yaml", places("""
                        partition_keys: [{name: country, type: S}, {name: city, type: S}, {name: street, type: S}]
                        sort_keys: [{name: rank, type: N}]
                """)));
        RunResult changed = run(repo, RunRequest.Mode.APPLY);

        assertThat(changed.exitCode()).as(changed.markdown()).isZero();
        assertThat(change(entry(changed.report(), "Places"), "gsi.byPlace")).hasValueSatisfying(c ->
                assertThat(c.action()).isEqualTo("recreate"));
        assertThat(index("Places", "byPlace").keySchema()).extracting(k -> k.attributeName())
                .containsExactly("country", "city", "street", "rank");
    }
}
