package io.ddbgitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every table names its account beside its region: report.json, REPORT.md and the pull-request comment. */
class AccountsReportTest {
    private static DriftReport twoAccounts() {
        List<TableEntry> tables = List.of(
                new TableEntry("a.yaml", "shop", "a", "us-east-1", "orders", "created", List.of(), List.of(), Map.of(),
                        Optional.empty(), Optional.empty(), "alpha", Optional.of("111111111111")),
                new TableEntry("b.yaml", "shop", "b", "us-east-1", "orders", "in_sync", List.of(), List.of(), Map.of()));
        List<UnmanagedEntry> undeclared = List.of(new UnmanagedEntry("us-east-1", "scratch", "", UnmanagedEntry.NONE,
                "left alone", "alpha"));
        return new DriftReport(DriftReport.APPLY, DriftReport.Summary.of(tables, 0, undeclared), tables, List.of(),
                undeclared).checked(ReportFixtures.CHECKED_AT, ReportFixtures.COMMIT);
    }

    @Test
    void theJsonCarriesAccountNameAndIdAndItsSchemaAcceptsIt() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(twoAccounts()));

        assertThat(json.at("/tables/0/account").asText()).isEqualTo("alpha");
        assertThat(json.at("/tables/0/account_id").asText()).isEqualTo("111111111111");
        assertThat(json.at("/tables/1/account").asText()).isEqualTo("default");
        assertThat(json.at("/tables/1/account_id").isMissingNode()).isTrue();
        assertThat(json.at("/unmanaged/0/account").asText()).isEqualTo("alpha");
        try (InputStream in = Files.newInputStream(Path.of("schemas/drift-report-v1.schema.json"))) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(json))
                    .isEmpty();
        }
        assertThat(ReportJson.read(ReportJson.write(twoAccounts()))).contains(twoAccounts());
    }

    @Test
    void aReportFromBeforeAccountsReadsAsTheDefaultAccount() {
        String old = ReportJson.write(twoAccounts()).replace("\"account\" : \"alpha\",", "")
                .replace("\"account\": \"alpha\",", "").replace("\"account_id\": \"111111111111\",", "");

        DriftReport read = ReportJson.read(old).orElseThrow();

        assertThat(read.tables()).extracting(TableEntry::account).containsExactly("default", "default");
        assertThat(read.tables().get(0).accountId()).isEmpty();
    }

    @Test
    void markdownShowsAnAccountColumnOnceATableIsInANamedAccount() {
        String md = ReportMarkdown.render(twoAccounts());

        assertThat(md).contains("| status | manifest | account | region | table | changes |")
                .contains("| alpha (111111111111) | us-east-1 | orders |")
                .contains("| default | us-east-1 | orders |")
                .contains("| account | region | table | owner | action | note |")
                .contains("`alpha:us-east-1/orders`");
        assertThat(ReportMarkdown.render(ReportFixtures.mixed(DriftReport.APPLY))).doesNotContain("| account |");
    }
}
