package io.ddbgitops.config;

import io.ddbgitops.manifest.ManifestError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** ddb-gitops.yaml: every section read into records, and every way to get it wrong reported with file:line:col. */
class ConfigLoaderTest {
    static final String EXAMPLE = """
            apiVersion: ddb-gitops/v1
            kind: Config
            accounts:
              prod: {account_id: "111111111111", role_arn: "arn:aws:iam::111111111111:role/ddb-gitops", external_id: "ddb-gitops-7f3a", session_name: "ddb-gitops"}
              dev:
                account_id: "222222222222"
                role_arn: "arn:aws:iam::222222222222:role/ddb-gitops"
            lock: {account: prod, region: us-east-1, table: ddb-gitops-locks}
            quotas: {throughput_decreases_per_day: 40}
            policy:
              namespaces:
                shop: {tables: ["shop-*"], regions: [us-east-1, eu-west-1], accounts: [prod]}
                billing:
                  tables: ["billing-*", "invoices"]
                  paths: ["teams/billing/*"]
            report: {stale_after: PT26H}
            """;

    @TempDir
    Path repo;

    private final ConfigLoader loader = new ConfigLoader();

    private ConfigLoad load(String text) throws IOException {
        Files.writeString(repo.resolve("ddb-gitops.yaml"), text, StandardCharsets.UTF_8);
        return loader.load(repo);
    }

    private List<String> errors(String text) throws IOException {
        ConfigLoad load = load(text);
        assertThat(load.config()).isEmpty();
        return load.errors().stream().map(ManifestError::format).toList();
    }

    @Test
    void readsEverySectionOfTheExample() throws IOException {
        RepositoryConfig config = load(EXAMPLE).config().orElseThrow();

        assertThat(config.accounts()).containsOnlyKeys("prod", "dev");
        assertThat(config.account("prod")).contains(new Account("prod", "111111111111",
                "arn:aws:iam::111111111111:role/ddb-gitops", Optional.of("ddb-gitops-7f3a"), Optional.of("ddb-gitops")));
        assertThat(config.account("dev").orElseThrow().externalId()).isEmpty();
        assertThat(config.lock()).contains(new LockSettings(Optional.of("prod"), "us-east-1", "ddb-gitops-locks"));
        assertThat(config.quotas().throughputDecreasesPerDay()).isEqualTo(40);
        assertThat(config.report().staleAfter()).contains(Duration.ofHours(26));
        NamespacePolicy policy = config.policy().orElseThrow();
        assertThat(policy.namespaces()).containsOnlyKeys("billing", "shop");
        Allowance shop = policy.namespaces().get("shop");
        assertThat(shop.tables()).containsExactly(new Glob("shop-*"));
        assertThat(shop.regions()).contains(List.of("us-east-1", "eu-west-1"));
        assertThat(shop.accounts()).contains(List.of("prod"));
        assertThat(shop.paths()).isEmpty();
        assertThat(shop.source().toString()).isEqualTo("ddb-gitops.yaml:12:5");
        Allowance billing = policy.namespaces().get("billing");
        assertThat(billing.regions()).isEmpty();
        assertThat(billing.accounts()).isEmpty();
        assertThat(billing.paths()).contains(List.of(new Glob("teams/billing/*")));
        assertThat(config.policySummary()).isEqualTo("ddb-gitops.yaml policy: namespaces billing, shop");
    }

    @Test
    void theReadmeExampleIsValidAndItsRuleIsWhereTheReadmeSays() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Repository config"));
        String example = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", 10));

        RepositoryConfig config = load(example).config().orElseThrow();

        assertThat(config.policy().orElseThrow().namespaces().get("billing").source().toString())
                .isEqualTo("ddb-gitops.yaml:13:5");
        assertThat(section).contains("ddb-gitops.yaml:13:5 policy.namespaces.billing.tables allows billing-*, invoices");
    }

    @Test
    void theExternalIdNeverShowsInTheAccountsText() throws IOException {
        RepositoryConfig config = load(EXAMPLE).config().orElseThrow();

        assertThat(config.toString()).doesNotContain("ddb-gitops-7f3a");
    }

    @Test
    void noFileMeansNoAccountsAwsQuotasAndNoPolicy() {
        ConfigLoad load = loader.load(repo);

        assertThat(load.config()).contains(RepositoryConfig.none());
        RepositoryConfig none = load.config().orElseThrow();
        assertThat(none.policy()).isEmpty();
        assertThat(none.quotas().throughputDecreasesPerDay()).isEqualTo(27);
        assertThat(none.report().staleAfter()).isEmpty();
        assertThat(none.policySummary()).isEqualTo("none — every namespace may manage every table");
    }

    @Test
    void aConfigWithOnlyItsKindHasNoPolicyAndAwsDefaults() throws IOException {
        RepositoryConfig config = load("apiVersion: ddb-gitops/v1\nkind: Config\n").config().orElseThrow();

        assertThat(config).isEqualTo(RepositoryConfig.none());
    }

    @Test
    void anEmptyNamespaceListIsAPolicyThatAllowsNothing() throws IOException {
        RepositoryConfig config = load("apiVersion: ddb-gitops/v1\nkind: Config\npolicy:\n  namespaces:\n")
                .config().orElseThrow();

        assertThat(config.policy()).hasValueSatisfying(p -> assertThat(p.namespaces()).isEmpty());
        assertThat(config.policySummary()).isEqualTo("ddb-gitops.yaml policy: no namespace may manage a table");
    }

    @Test
    void theDefaultCredentialChainMayBeNamedWhereAnAccountIsReferenced() throws IOException {
        RepositoryConfig config = load("""
                apiVersion: ddb-gitops/v1
                kind: Config
                lock: {account: default, region: us-east-1, table: locks}
                policy:
                  namespaces:
                    shop: {tables: ["shop-*"], accounts: [default]}
                """).config().orElseThrow();

        assertThat(config.lock()).contains(new LockSettings(Optional.empty(), "us-east-1", "locks"));
        assertThat(config.policy().orElseThrow().namespaces().get("shop").accounts()).contains(List.of("default"));
    }

    @Test
    void schemaErrorsNameFileLineColumnFieldAndWhatIsAllowed() throws IOException {
        assertThat(errors("""
                apiVersion: ddb-gitops/v1
                kind: Config
                accounts:
                  prod: {account_id: 111111111111, role_arn: "arn:aws:iam::111111111111:user/me"}
                lock: {region: us-east, table: locks, acount: prod}
                quotas: {throughput_decreases_per_day: 0}
                policy:
                  namespaces:
                    shop: {tables: ["shop/*"], regions: []}
                report: {stale_after: 26h}
                """)).containsExactly(
                "ddb-gitops.yaml:4:10: accounts.prod.account_id: 111111111111 is not a 12-digit AWS account id, in quotes",
                "ddb-gitops.yaml:4:36: accounts.prod.role_arn: \"arn:aws:iam::111111111111:user/me\" is not an IAM role "
                        + "ARN such as arn:aws:iam::111111111111:role/ddb-gitops",
                "ddb-gitops.yaml:5:8: lock.region: \"us-east\" is not a region name such as us-east-1",
                "ddb-gitops.yaml:5:39: lock.acount: unknown field; did you mean account? allowed: account, region, table",
                "ddb-gitops.yaml:6:10: quotas.throughput_decreases_per_day: 0 is not an integer from 1 to 1000",
                "ddb-gitops.yaml:9:21: policy.namespaces.shop.tables.0: \"shop/*\" is not a table name pattern "
                        + "(1–255 of A-Z a-z 0-9 _ . - and the wildcards * and ?)",
                "ddb-gitops.yaml:9:32: policy.namespaces.shop.regions: is empty; at least 1 entry is required",
                "ddb-gitops.yaml:10:10: report.stale_after: \"26h\" is not an ISO-8601 duration such as PT26H or P1D");
    }

    @Test
    void theKindAndVersionAreRequired() throws IOException {
        assertThat(errors("apiVersion: ddb-gitops/v2\nkind: Dynamodb\n")).containsExactly(
                "ddb-gitops.yaml:1:1: apiVersion: \"ddb-gitops/v2\" is not supported; use ddb-gitops/v1",
                "ddb-gitops.yaml:2:1: kind: \"Dynamodb\" is not supported; use Config");
    }

    @Test
    void accountsThatAreReferencedMustBeDefined() throws IOException {
        assertThat(errors("""
                apiVersion: ddb-gitops/v1
                kind: Config
                accounts:
                  prod: {account_id: "111111111111", role_arn: "arn:aws:iam::111111111111:role/ddb-gitops"}
                lock: {account: staging, region: us-east-1, table: locks}
                policy:
                  namespaces:
                    shop:
                      tables: ["shop-*"]
                      accounts: [prod, qa]
                """)).containsExactly(
                "ddb-gitops.yaml:5:8: lock.account: account staging is not defined under accounts (defined: prod); "
                        + "default means the default credential chain",
                "ddb-gitops.yaml:10:24: policy.namespaces.shop.accounts.1: account qa is not defined under accounts "
                        + "(defined: prod); default means the default credential chain");
    }

    @Test
    void defaultIsReservedAndARoleMustBeInItsOwnAccount() throws IOException {
        assertThat(errors("""
                apiVersion: ddb-gitops/v1
                kind: Config
                accounts:
                  default: {account_id: "111111111111", role_arn: "arn:aws:iam::111111111111:role/ddb-gitops"}
                  prod: {account_id: "111111111111", role_arn: "arn:aws:iam::999999999999:role/ddb-gitops"}
                """)).containsExactly(
                "ddb-gitops.yaml:4:3: accounts.default: the name default is reserved for the default credential "
                        + "chain; choose another",
                "ddb-gitops.yaml:5:38: accounts.prod.role_arn: the role is in account 999999999999, not in "
                        + "111111111111 (account_id); a table is managed with a role of its own account");
    }

    @Test
    void aNamespaceNameIsPlainText() throws IOException {
        assertThat(errors("""
                apiVersion: ddb-gitops/v1
                kind: Config
                policy:
                  namespaces:
                    "<img src=x onerror=alert(1)>": {tables: ["*"]}
                """)).containsExactly("ddb-gitops.yaml:5:5: policy.namespaces.<img src=x onerror=alert(1)>: "
                + "\"<img src=x onerror=alert(1)>\" is not a namespace name (1–253 of A-Z a-z 0-9 _ . -, starting with a "
                + "letter or digit)");
    }

    @Test
    void accountNamesAndStsValuesAreCheckedAtTheirKey() throws IOException {
        assertThat(errors("""
                apiVersion: ddb-gitops/v1
                kind: Config
                accounts:
                  "prod account": {account_id: "111111111111", role_arn: "arn:aws:iam::111111111111:role/x"}
                  dev: {account_id: "1111", role_arn: "arn:aws:iam::111111111111:role/x", session_name: "a b"}
                """)).containsExactly(
                "ddb-gitops.yaml:4:3: accounts.prod account: \"prod account\" is not an account name (1–64 of A-Z a-z "
                        + "0-9 _ . -, starting with a letter or digit)",
                "ddb-gitops.yaml:5:9: accounts.dev.account_id: \"1111\" is not a 12-digit AWS account id, in quotes",
                "ddb-gitops.yaml:5:75: accounts.dev.session_name: \"a b\" is not a session name (2–64 of A-Z a-z 0-9 "
                        + "and _ + = , . @ -)");
    }

    @Test
    void theManifestsYamlRulesHoldHereToo() throws IOException {
        assertThat(errors("apiVersion: ddb-gitops/v1\nkind: Config\nquotas: {throughput_decreases_per_day: 010}\n"))
                .singleElement().asString().startsWith("ddb-gitops.yaml:3:10: quotas.throughput_decreases_per_day: ");
        assertThat(errors("apiVersion: ddb-gitops/v1\nkind: Config\nquotas:\n\tthroughput_decreases_per_day: 5\n"))
                .singleElement().asString().contains("a tab cannot indent YAML; indent with spaces");
    }

    @Test
    void aZeroStaleAfterIsRefused() throws IOException {
        assertThat(errors("apiVersion: ddb-gitops/v1\nkind: Config\nreport: {stale_after: PT0S}\n"))
                .containsExactly("ddb-gitops.yaml:3:10: report.stale_after: PT0S is not longer than zero");
    }

    @Test
    void brokenYamlIsReportedAtItsPosition() throws IOException {
        assertThat(errors("apiVersion: ddb-gitops/v1\nkind: Config\npolicy: [\n")).singleElement()
                .asString().startsWith("ddb-gitops.yaml:4:1: (document): not valid YAML");
    }

    @Test
    void oneDocumentIsExpected() throws IOException {
        assertThat(errors("apiVersion: ddb-gitops/v1\nkind: Config\n---\napiVersion: ddb-gitops/v1\nkind: Config\n"))
                .containsExactly("ddb-gitops.yaml:4:1: (document): the file holds 2 documents; one is expected");
        assertThat(errors("# nothing yet\n"))
                .containsExactly("ddb-gitops.yaml:1:1: (document): the file holds no document; write one, or delete the file");
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        assertThat(errors("apiVersion: ddb-gitops/v1\nkind: Config\nquotas: {throughput_decreases_per_day: 5}\n"
                + "quotas: {throughput_decreases_per_day: 6}\n"))
                .containsExactly("ddb-gitops.yaml:4:1: quotas: duplicate key \"quotas\"; it is also written at line 3");
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws IOException {
        Path outside = Files.writeString(repo.resolve("elsewhere.yaml"), "apiVersion: ddb-gitops/v1\nkind: Config\n");
        Files.createSymbolicLink(repo.resolve("ddb-gitops.yaml"), outside);

        ConfigLoad load = loader.load(repo);

        assertThat(load.config()).isEmpty();
        assertThat(load.errors()).singleElement().extracting(ManifestError::format).isEqualTo(
                "ddb-gitops.yaml:1:1: (document): the file is a symbolic link; it is never read through a link");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsParsed() throws IOException {
        Files.writeString(repo.resolve("ddb-gitops.yaml"), "apiVersion: ddb-gitops/v1\nkind: Config\n# "
                + "x".repeat(1024 * 1024) + "\n");

        assertThat(loader.load(repo).errors()).singleElement().extracting(ManifestError::message).asString()
                .contains("at most 1048576 bytes are read");
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Files.write(repo.resolve("ddb-gitops.yaml"), new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xC3, '\n'});

        assertThat(loader.load(repo).errors()).singleElement().extracting(ManifestError::message).asString()
                .contains("not UTF-8");
    }

    @Test
    void aDirectoryInItsPlaceIsAnError() throws IOException {
        Files.createDirectory(repo.resolve("ddb-gitops.yaml"));

        assertThat(loader.load(repo).errors()).singleElement().extracting(ManifestError::message).asString()
                .contains("not a regular file");
    }
}
