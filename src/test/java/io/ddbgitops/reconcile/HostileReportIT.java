package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.MarkdownStructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 3, end to end: manifests whose namespace, name, file name and tag values carry HTML, pipes,
 * code fences and mentions go through a real apply against the local endpoint, and the pushed REPORT.md keeps its
 * structure whatever validation and AWS make of them.
 */
class HostileReportIT {
    private static final String HOSTILE_FILE = "manifests/<img src=x onerror=alert(1)>|@team`x`.yaml";
    private static final String INVALID_FILE = "manifests/](javascript:alert(1)).yaml";

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private ConfigRepo repo;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        String hostile = """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: "@team|x"
                  namespace: "</b></summary><h1>x"
                spec:
                  region: "us-east-1"
                  tablename: "Hostile"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  readcapacityunits: 5
                  writecapacityunits: 5
                  optional_spec:
                    tags:
                      owner: "@team"
                      note: "a b @org/admins"
                """;
        String invalid = """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: bad
                  namespace: it
                spec:
                  region: "us-east-1"
                  tablename: "Bad"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  optional_spec:
                    tags:
                      img: "<img src=x onerror=alert(1)>"
                      fence: "x\\n```\\n</details>\\n| a | b |"
                """;
        repo = ConfigRepo.create(temp).commit("Hostile manifests", Map.of(HOSTILE_FILE, hostile, INVALID_FILE, invalid,
                "manifests/plain.yaml", Manifests.table("plain", "us-east-1", "Plain", 5, 5, false)));
    }

    @AfterEach
    void stop() {
        repo.close();
        clients.close();
        endpoint.close();
    }

    @Test
    void theReportStaysIntact() throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, Optional.empty(),
                Instant.parse("2026-11-21T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults(), false);

        RunResult result = new Reconciler(new ManifestLoader(), clients).run(request);

        String md = repo.read(Reconciler.REPORT_MD).orElseThrow();
        assertThat(md).isEqualTo(result.markdown());
        assertThat(result.report().errors()).isNotEmpty();
        String prose = MarkdownStructure.outsideCode(md);
        assertThat(prose).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<h1")
                .doesNotContain("</b>").doesNotContain("</summary><");
        assertThat(Pattern.compile("@[A-Za-z0-9]").matcher(prose).find()).isFalse();
        assertThat(Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\]\\(").matcher(prose).find()).isFalse();
        assertThat(count(prose, "<details>")).isEqualTo(count(prose, "</details>"));
        assertThat(MarkdownStructure.fences(md)).isNotNull();
        for (List<String> table : tables(md)) {
            assertThat(table).extracting(MarkdownStructure::cellSeparators).as(table.get(0))
                    .containsOnly(MarkdownStructure.cellSeparators(table.get(0)));
        }
        assertThat(tables(md).get(0)).as("one summary row per valid manifest")
                .hasSize(2 + result.report().tables().size());
        assertThat(tables(md)).hasSizeGreaterThanOrEqualTo(1);
        assertThat(md).contains("| `manifests/plain.yaml` (it/plain) |")
                .contains("&lt;/b&gt;&lt;/summary&gt;&lt;h1&gt;x/@\u2060team\\|x");
    }

    /** The GFM tables of a document: runs of lines that start with a pipe, header first. */
    private static List<List<String>> tables(String md) {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("|")) {
                current.add(line);
            } else if (!current.isEmpty()) {
                tables.add(current);
                current = new ArrayList<>();
            }
        }
        return tables;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
