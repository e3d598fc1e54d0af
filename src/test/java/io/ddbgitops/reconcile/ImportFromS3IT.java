package io.ddbgitops.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.ddbgitops.local.AwsCli;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code import} through the local endpoint and its S3 stand-in (a directory): a missing table is made by ImportTable
 * from DynamoDB JSON (gzip) or CSV, then gets what ImportTable cannot carry (tags, TTL, PITR); the items and the
 * import are checked with the AWS CLI; a missing bucket and a bad item fail the table with AWS's reason and exit code
 * 1; an existing table is blocked.
 */
class ImportFromS3IT extends EndpointPerTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/%s/import/[0-9]{14}-[0-9a-f]{8}";
    private Path s3;

    @BeforeEach
    void s3() throws IOException {
        s3 = Files.createDirectories(temp.resolve("s3"));
        endpoint.setS3Directory(Optional.of(s3));
    }

    private static String manifest(String table, String importSpec, String more) {
        return Manifests.onDemand(table, true, importSpec + more);
    }

    private static String jsonImport(String bucket, String prefix) {
        return "    import:\n      s3_bucket: " + bucket + "\n      s3_key_prefix: " + prefix
                + "\n      input_format: DYNAMODB_JSON\n      input_compression: GZIP\n";
    }

    private void object(String bucket, String key, String text, boolean gzip) throws IOException {
        Path file = s3.resolve(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String items(String... ids) {
        StringBuilder lines = new StringBuilder();
        for (String id : ids) {
            lines.append("{\"Item\":{\"id\":{\"S\":\"").append(id).append("\"},\"n\":{\"N\":\"")
                    .append(id.length()).append("\"}}}\n");
        }
        return lines.append("\n").toString();
    }

    /** Each run's calls alone: the recorder is cleared first. */
    @Override
    RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        recorder.clear();
        return super.run(repo, mode);
    }

    private static TableEntry entry(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private AwsCli cli() {
        assumeTrue(AwsCli.find().isPresent(), "the AWS CLI checks the items and the import on the wire");
        return new AwsCli(endpoint.endpoint(), temp);
    }

    private static List<String> ids(JsonNode scan) {
        List<String> ids = new ArrayList<>();
        scan.path("Items").forEach(i -> ids.add(i.path("id").path("S").asText()));
        return ids.stream().sorted().toList();
    }

    @Test
    void importsGzippedDynamoDbJsonThenAppliesWhatImportTableCannotCarry() throws Exception {
        AwsCli cli = cli();
        object("exports", "orders/part-0001.json.gz", items("a", "bb"), true);
        object("exports", "orders/part-0002.json.gz", items("ccc"), true);
        object("exports", "other/ignored.json.gz", items("zzz"), true);
        ConfigRepo repo = ConfigRepo.create(temp).commit("import", Map.of("t.yaml", manifest("Imported",
                jsonImport("exports", "orders/"), "    ttl_attributename: expiresAt\n    tags:\n      team: shop\n")));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).as(applied.markdown()).isZero();
        assertThat(recorder.writes()).doesNotContain("CreateTable")
                .containsSubsequence("ImportTable", "TagResource", "UpdateTimeToLive", "UpdateContinuousBackups");
        assertThat(ids(cli.json("dynamodb", "scan", "--table-name", "Imported"))).containsExactly("a", "bb", "ccc");
        JsonNode listed = cli.json("dynamodb", "list-imports", "--table-arn",
                "arn:aws:dynamodb:us-east-1:000000000000:table/Imported");
        String importArn = listed.path("ImportSummaryList").get(0).path("ImportArn").asText();
        assertThat(importArn).matches(ARN.formatted("Imported"));
        JsonNode described = cli.json("dynamodb", "describe-import", "--import-arn", importArn)
                .path("ImportTableDescription");
        assertThat(described.path("ImportStatus").asText()).isEqualTo("COMPLETED");
        assertThat(described.path("ProcessedItemCount").asLong()).isEqualTo(3);
        assertThat(described.path("ImportedItemCount").asLong()).isEqualTo(3);
        assertThat(described.path("ErrorCount").asLong()).isZero();
        assertThat(described.path("InputCompressionType").asText()).isEqualTo("GZIP");
        assertThat(described.path("S3BucketSource").path("S3KeyPrefix").asText()).isEqualTo("orders/");
        TableEntry entry = entry(applied, "Imported");
        assertThat(entry.status()).isEqualTo("created");
        assertThat(entry.messages()).contains("imported from s3://exports/orders/: " + importArn
                + ", 3 item(s) processed, 3 imported, 0 error(s)");
        assertThat(entry.changes()).extracting(ChangeEntry::field, ChangeEntry::to).contains(
                tuple("import", "s3://exports/orders/ (DYNAMODB_JSON, GZIP)"));
        assertThat(cli.json("dynamodb", "describe-time-to-live", "--table-name", "Imported")
                .path("TimeToLiveDescription").path("AttributeName").asText()).isEqualTo("expiresAt");
        assertThat(cli.json("dynamodb", "list-tags-of-resource", "--resource-arn",
                "arn:aws:dynamodb:us-east-1:000000000000:table/Imported").path("Tags").toString())
                .contains("\"team\"").contains("ddb-gitops/manifest");
        assertThat(cli.json("dynamodb", "describe-continuous-backups", "--table-name", "Imported")
                .path("ContinuousBackupsDescription").path("PointInTimeRecoveryDescription")
                .path("PointInTimeRecoveryStatus").asText()).isEqualTo("ENABLED");

        RunResult again = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(again, "Imported").status()).as(again.markdown()).isEqualTo("in_sync");
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void importsCsvWithAHeaderListAndKeepsNonKeyColumnsAsStrings() throws Exception {
        AwsCli cli = cli();
        object("people", "2026/people.csv", "p1;Ann;30\np2;\"Bo; Jr\";41\n", false);
        ConfigRepo repo = ConfigRepo.create(temp).commit("csv", Map.of("t.yaml", manifest("People", """
                    import:
                      s3_bucket: people
                      s3_key_prefix: "2026/"
                      input_format: CSV
                      csv:
                        delimiter: ";"
                        header_list: [id, name, age]
                """, "")));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).as(applied.markdown()).isZero();
        JsonNode scan = cli.json("dynamodb", "scan", "--table-name", "People");
        assertThat(ids(scan)).containsExactly("p1", "p2");
        JsonNode bo = cli.json("dynamodb", "get-item", "--table-name", "People", "--key", "{\"id\":{\"S\":\"p2\"}}")
                .path("Item");
        assertThat(bo.path("name").path("S").asText()).isEqualTo("Bo; Jr");
        assertThat(bo.path("age").path("S").asText()).isEqualTo("41");
    }

    @Test
    void importsZstdCompressedIon() throws Exception {
        AwsCli cli = cli();
        byte[] ion = "$ion_1_0 {Item:{id:\"i1\", size:3}} {Item:{id:\"i2\", tags:$dynamodb_SS::[\"x\"]}}"
                .getBytes(StandardCharsets.UTF_8);
        io.airlift.compress.zstd.ZstdCompressor zstd = new io.airlift.compress.zstd.ZstdCompressor();
        byte[] compressed = new byte[zstd.maxCompressedLength(ion.length)];
        int size = zstd.compress(ion, 0, ion.length, compressed, 0, compressed.length);
        Path file = Files.createDirectories(s3.resolve("ion")).resolve("data.ion.zst");
        Files.write(file, java.util.Arrays.copyOf(compressed, size));
        ConfigRepo repo = ConfigRepo.create(temp).commit("ion", Map.of("t.yaml", manifest("Ionic", """
                    import:
                      s3_bucket: ion
                      input_format: ION
                      input_compression: ZSTD
                """, "")));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).as(applied.markdown()).isZero();
        assertThat(ids(cli.json("dynamodb", "scan", "--table-name", "Ionic"))).containsExactly("i1", "i2");
        assertThat(cli.json("dynamodb", "get-item", "--table-name", "Ionic", "--key", "{\"id\":{\"S\":\"i2\"}}")
                .path("Item").path("tags").path("SS").get(0).asText()).isEqualTo("x");
    }

    @Test
    void aMissingBucketFailsTheTableWithAwsReasonAndLeavesNoTable() throws Exception {
        AwsCli cli = cli();
        ConfigRepo repo = ConfigRepo.create(temp).commit("import", Map.of("t.yaml",
                manifest("Nowhere", jsonImport("no-such-bucket", "x/"), "")));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).isEqualTo(1);
        TableEntry entry = entry(applied, "Nowhere");
        assertThat(entry.status()).isEqualTo("failed");
        assertThat(entry.messages()).anySatisfy(m -> assertThat(m)
                .contains("ended FAILED: S3NoSuchBucket: The specified bucket does not exist")
                .contains("0 item(s) processed").contains("no table was left, so the next run imports again"));
        assertThat(cli.run("dynamodb", "describe-table", "--table-name", "Nowhere").stderr())
                .contains("ResourceNotFoundException");
        assertThat(entry.applied()).doesNotContainKey("import");
    }

    @Test
    void aBadItemFailsTheImportButKeepsTheTableWhichTheNextRunFinishes() throws Exception {
        AwsCli cli = cli();
        object("exports", "mixed/0001.json.gz", items("good1", "good2"), true);
        object("exports", "mixed/0002.json.gz", "{\"Item\":{\"notTheKey\":{\"S\":\"x\"}}}\n", true);
        ConfigRepo repo = ConfigRepo.create(temp).commit("import", Map.of("t.yaml", manifest("Mixed",
                jsonImport("exports", "mixed/"), "    ttl_attributename: expiresAt\n")));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).isEqualTo(1);
        assertThat(entry(applied, "Mixed").messages()).anySatisfy(m -> assertThat(m)
                .contains("ended FAILED: ItemValidationError: Some of the items failed validation checks")
                .contains("3 item(s) processed, 2 imported, 1 error(s)")
                .contains("AWS kept the table with the items that were imported"));
        assertThat(ids(cli.json("dynamodb", "scan", "--table-name", "Mixed"))).containsExactly("good1", "good2");

        RunResult next = run(repo, RunRequest.Mode.APPLY);

        assertThat(next.exitCode()).as(next.markdown()).isZero();
        assertThat(entry(next, "Mixed").changes()).extracting(ChangeEntry::field).doesNotContain("import");
        assertThat(recorder.writes()).contains("UpdateTimeToLive").doesNotContain("ImportTable");
    }

    @Test
    void importIntoATableThatExistsIsBlocked() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("plain", Map.of("t.yaml", manifest("Existing", "", "")));
        assertThat(run(repo, RunRequest.Mode.APPLY).exitCode()).isZero();
        object("exports", "e/0001.json.gz", items("a"), true);
        repo.commit("import", Map.of("t.yaml", manifest("Existing", jsonImport("exports", "e/"), "")));

        RunResult applied = run(repo, RunRequest.Mode.APPLY);

        assertThat(applied.exitCode()).isEqualTo(2);
        TableEntry entry = entry(applied, "Existing");
        assertThat(entry.status()).isEqualTo("blocked");
        assertThat(entry.messages().get(0)).startsWith("import from s3://exports/e/ is blocked: table "
                + "us-east-1/Existing already exists, and ImportTable only creates a new table");
        assertThat(recorder.writes()).doesNotContain("ImportTable");
    }

    @Test
    void describeImportAndListImportsAnswerAsAwsWhileAnImportRuns() throws Exception {
        AwsCli cli = cli();
        endpoint.setImportDelay(java.time.Duration.ofHours(1));
        object("exports", "slow/0001.json", items("a"), false);
        Path request = temp.resolve("import.json");
        Files.writeString(request, """
                {"ClientToken": "tok-1", "S3BucketSource": {"S3Bucket": "exports", "S3KeyPrefix": "slow/"}, "InputFormat": "DYNAMODB_JSON",
                 "TableCreationParameters": {"TableName": "Slow", "BillingMode": "PAY_PER_REQUEST",
                   "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                   "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}""");

        JsonNode started = cli.json("dynamodb", "import-table", "--cli-input-json", "file://" + request)
                .path("ImportTableDescription");
        String arn = started.path("ImportArn").asText();
        JsonNode running = cli.json("dynamodb", "describe-import", "--import-arn", arn).path("ImportTableDescription");

        assertThat(arn).matches(ARN.formatted("Slow"));
        for (JsonNode d : List.of(started, running)) {
            assertThat(d.path("ImportStatus").asText()).isEqualTo("IN_PROGRESS");
            assertThat(d.path("ProcessedItemCount").asLong()).isZero();
            assertThat(d.has("EndTime")).isFalse();
            assertThat(d.has("FailureCode")).isFalse();
            assertThat(d.path("ClientToken").asText()).isNotEmpty();
            assertThat(d.path("TableArn").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Slow");
            assertThat(d.path("InputCompressionType").asText()).isEqualTo("NONE");
        }
        assertThat(cli.json("dynamodb", "describe-table", "--table-name", "Slow").path("Table").path("TableStatus")
                .asText()).isEqualTo("CREATING");
        JsonNode summary = cli.json("dynamodb", "list-imports").path("ImportSummaryList").get(0);
        assertThat(summary.path("ImportStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(summary.has("ProcessedItemCount")).as("a summary is not the whole description").isFalse();
        assertThat(cli.json("dynamodb", "import-table", "--cli-input-json", "file://" + request)
                .path("ImportTableDescription").path("ImportArn").asText()).as("the same token: the same import")
                .isEqualTo(arn);
        Files.writeString(request, Files.readString(request).replace("\"Slow\"", "\"Other\""));
        assertThat(cli.run("dynamodb", "import-table", "--cli-input-json", "file://" + request).stderr())
                .contains("ImportConflictException").contains("Duplicate request detected with conflicting parameters");
        Files.writeString(request, Files.readString(request).replace("\"Other\"", "\"Slow\"")
                .replace("tok-1", "tok-2"));
        assertThat(cli.run("dynamodb", "import-table", "--cli-input-json", "file://" + request).stderr())
                .contains("ResourceInUseException").contains("Table already exists: Slow");
        AwsCli.Result unknown = cli.run("dynamodb", "describe-import", "--import-arn",
                "arn:aws:dynamodb:us-east-1:000000000000:table/Slow/import/01700000000000-0badf00d");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr()).contains("ImportNotFoundException");
    }
}
