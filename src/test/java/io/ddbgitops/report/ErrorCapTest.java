package io.ddbgitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, finding 13: 100,000 invalid documents once made a 15.7 MB REPORT.md. */
class ErrorCapTest {
    private static final int DOCUMENTS = 100_000;

    private static DriftReport report(int errors) {
        List<ErrorEntry> list = IntStream.range(0, errors)
                .mapToObj(i -> new ErrorEntry("manifests/huge.yaml", 1 + i * 20, 3, "spec.pri_key_attributetype",
                        "\"X\" is not allowed; must be one of S, N, B"))
                .toList();
        return new DriftReport(DriftReport.PLAN, DriftReport.Summary.of(List.of(), errors), List.of(), list)
                .checked(ReportFixtures.CHECKED_AT, ReportFixtures.COMMIT);
    }

    private static long listed(String md) {
        return md.lines().filter(l -> l.startsWith("- `") || l.startsWith("- [")).count();
    }

    @Test
    void reportMdListsTheFirst200ErrorsAndSaysHowManyMoreThereAre() {
        String md = ReportMarkdown.render(report(DOCUMENTS));

        assertThat(listed(md)).isEqualTo(200);
        assertThat(md).contains("- `manifests/huge.yaml:1:3`").contains("- `manifests/huge.yaml:3981:3`")
                .doesNotContain("manifests/huge.yaml:4001:3")
                .contains("- … and 99800 more errors, not listed here: `drift/report.json` lists the first 1000"
                        + " and `ddb-gitops validate` prints all 100000.");
        assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThan(40_000);
    }

    @Test
    void thePullRequestCommentListsTheSame200() {
        String md = PullRequestMarkdown.render(report(DOCUMENTS),
                new PullRequestMarkdown.Context("main", 1, List.of(), Optional.of("https://example.com/blob/abc")));

        assertThat(listed(md)).isEqualTo(200);
        assertThat(md).contains("- … and 99800 more errors");
        assertThat(md.length()).as("GitHub refuses comments over 65,536 characters").isLessThan(65_536);
    }

    @Test
    void reportJsonListsTheFirst1000AndCarriesTheTotal() throws Exception {
        DriftReport report = report(DOCUMENTS);
        String json = ReportJson.write(report);

        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("errors")).hasSize(1000);
        assertThat(node.get("errors_total").asInt()).isEqualTo(DOCUMENTS);
        assertThat(node.at("/summary/invalid").asInt()).isEqualTo(DOCUMENTS);
        assertThat(json.length()).isLessThan(300_000);
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("schemas/drift-report-v1.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(schema.validate(node)).isEmpty();
        assertThat(ReportJson.read(json)).contains(report);
    }

    @Test
    void aShortListIsNotCut() {
        DriftReport report = report(200);

        assertThat(report.errorsTotal()).isEqualTo(200);
        assertThat(listed(ReportMarkdown.render(report))).isEqualTo(200);
        assertThat(ReportMarkdown.render(report)).doesNotContain("more error");
        assertThat(ReportMarkdown.render(report(201))).contains("- … and 1 more error, not listed here");
    }

    @Test
    void aReportWrittenBeforeTheCapCountsItsOwnErrors() {
        String old = "{\"mode\": \"apply\", \"summary\": {\"in_sync\": 0, \"changed\": 0, \"drifted\": 0, \"created\": 0,"
                + " \"failed\": 0, \"invalid\": 1, \"blocked\": 0, \"unmanaged\": 0}, \"tables\": [], \"errors\": ["
                + "{\"file\": \"a.yaml\", \"line\": 1, \"column\": 1, \"field\": \"\", \"message\": \"bad\"}]}";

        assertThat(ReportJson.read(old)).hasValueSatisfying(r -> assertThat(r.errorsTotal()).isEqualTo(1));
    }

    @Test
    void theSettledStateKeepsTheTotal() {
        assertThat(report(DOCUMENTS).settled().errorsTotal()).isEqualTo(DOCUMENTS);
    }
}
