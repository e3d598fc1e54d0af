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

import io.ddbgitops.cli.Main;
import org.eclipse.jgit.api.Git;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    private static final String HOSTILE = """
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
    /** Invalid: its errors quote the tag values. */
    private static final String INVALID = """
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

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private ConfigRepo repo;
    private String base;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        repo = ConfigRepo.create(temp).commit("A plain table",
                Map.of("manifests/plain.yaml", Manifests.table("plain", "us-east-1", "Plain", 5, 5, false)));
        base = head();
        repo.commit("Hostile manifests", Map.of(HOSTILE_FILE, HOSTILE, INVALID_FILE, INVALID));
    }

    private String head() throws Exception {
        try (Git git = Git.open(repo.dir().resolve("config.git").toFile())) {
            return git.getRepository().resolve("refs/heads/main").name();
        }
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
        assertIntact(md);
        assertThat(tables(md).get(0)).as("one summary row per valid manifest")
                .hasSize(2 + result.report().tables().size());
        assertThat(md).contains("| `manifests/plain.yaml` (it/plain) |")
                .contains("&lt;/b&gt;&lt;/summary&gt;&lt;h1&gt;x/@\u2060team\\|x");
    }

    @Test
    void thePullRequestCommentStaysIntact() throws Exception {
        Path comment = temp.resolve("comment.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), "plan",
                "--repo", repo.url(), "--base", base, "--endpoint-url", endpoint.endpoint().toString(),
                "--out", comment.toString(), "--link-prefix", "https://git.example.com/org/config/blob/abc123");

        assertThat(exit).as(out + "" + err).isEqualTo(RunResult.INVALID);
        String md = Files.readString(comment, StandardCharsets.UTF_8);
        assertIntact(md);
        assertThat(md.lines().filter(l -> l.startsWith("<details><summary>"))).singleElement().satisfies(summary ->
                assertThat(summary).contains("<b>&lt;/b&gt;&lt;/summary&gt;&lt;h1&gt;x/@\u2060team|x</b>"));
        assertThat(md).contains("(https://git.example.com/org/config/blob/abc123/manifests/"
                + "%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%7C%40team%60x%60.yaml)");
    }

    private static void assertIntact(String md) {
        String prose = MarkdownStructure.outsideCode(md);
        assertThat(prose).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<h1")
                .doesNotContain("</summary><");
        assertThat(Pattern.compile("@[A-Za-z0-9]").matcher(prose).find()).isFalse();
        assertThat(Pattern.compile("\\]\\((?!https://git\\.example\\.com/org/config/(blob/abc123/|commit/[0-9a-f]{40}\\)))").matcher(
                prose.replaceAll("\\\\.", "")).find()).as("links other than to the repository").isFalse();
        assertThat(count(prose, "<details>")).isEqualTo(count(prose, "</details>"));
        assertThat(MarkdownStructure.fences(md)).isNotNull();
        for (List<String> table : tables(md)) {
            assertThat(table).extracting(MarkdownStructure::cellSeparators).as(table.get(0))
                    .containsOnly(MarkdownStructure.cellSeparators(table.get(0)));
        }
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
