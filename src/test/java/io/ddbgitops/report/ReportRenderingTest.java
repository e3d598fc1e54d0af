package io.ddbgitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under src/test/resources/report/: run with {@code -Dgolden.update=true} to rewrite them after an
 * intended change, then review the diff.
 */
class ReportRenderingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/report/mixed");

    @Test
    void rendersMarkdownAsTheGoldenFile() throws IOException {
        assertGolden("REPORT.md", ReportMarkdown.render(ReportFixtures.mixed(DriftReport.APPLY)));
    }

    @Test
    void rendersJsonAsTheGoldenFile() throws IOException {
        assertGolden("report.json", ReportJson.write(ReportFixtures.mixed(DriftReport.APPLY)));
    }

    @Test
    void writesJsonThatItsSchemaAccepts() throws IOException {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("schemas/drift-report-v1.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(ReportFixtures.mixed(DriftReport.PLAN)));

        Set<ValidationMessage> problems = schema.validate(json);

        assertThat(problems).isEmpty();
        assertThat(json.at("/summary/changed").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/invalid").asInt()).isEqualTo(1);
    }

    @Test
    void readsBackWhatItWrote() {
        DriftReport report = ReportFixtures.mixed(DriftReport.APPLY);

        assertThat(ReportJson.read(ReportJson.write(report))).contains(report);
    }

    @Test
    void treatsAForeignFileAsNoPreviousReport() {
        assertThat(ReportJson.read("{\"hello\": 1}")).isEmpty();
        assertThat(ReportJson.read("not json")).isEmpty();
    }

    @Test
    void sortsTablesSoThatEqualRunsWriteEqualBytes() {
        DriftReport report = ReportFixtures.mixed(DriftReport.APPLY);

        assertThat(report.tables()).extracting(TableEntry::manifest).isSorted();
        assertThat(report.tables().get(report.tables().size() - 1).changes())
                .extracting(ChangeEntry::field).isSorted();
    }

    @Test
    void headlineCountsEachStatusInPlanWords() {
        String headline = ReportMarkdown.headline(ReportFixtures.mixed(DriftReport.PLAN));

        assertThat(headline).isEqualTo("**Plan:** 7 tables · 1 in sync · 1 to create · 1 to change · 1 drifted"
                + " · 1 blocked · 3 unmanaged · 1 failed · 1 invalid manifest");
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
