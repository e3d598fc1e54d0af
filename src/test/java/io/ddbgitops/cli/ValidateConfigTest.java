package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** validate reads the repository config from the local path and applies its policy, offline. */
class ValidateConfigTest {
    @TempDir
    Path repo;

    private void write(String file, String text) throws Exception {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static String manifest(String namespace, String table) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata: {name: t, namespace: %s}
                spec: {region: us-east-1, tablename: %s, pri_key_attributename: id, pri_key_attributetype: S}
                """.formatted(namespace, table);
    }

    @Test
    void refusesAManifestOutsideItsNamespaceAndExitsThree() throws Exception {
        write("ddb-gitops.yaml", """
                apiVersion: ddb-gitops/v1
                kind: Config
                policy:
                  namespaces:
                    billing: {tables: ["billing-*"]}
                """);
        write("teams/billing/a.yaml", manifest("billing", "billing-invoices"));
        write("teams/billing/b.yaml", manifest("billing", "shop-orders"));

        CliRun run = CliRun.of("validate", "--repo", repo.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("policy: ddb-gitops.yaml policy: namespaces billing")
                .contains("teams/billing/b.yaml:4:27: spec.tablename: table \"shop-orders\" is outside what namespace "
                        + "\"billing\" may manage: ddb-gitops.yaml:5:5 policy.namespaces.billing.tables allows billing-*")
                .contains("1 valid manifest(s), 1 invalid, 1 other document(s) skipped");
    }

    @Test
    void reportsAnInvalidConfigWithItsPositionAndExitsThree() throws Exception {
        write("ddb-gitops.yaml", "apiVersion: ddb-gitops/v1\nkind: Config\nlock: {account: prod, region: us-east-1, table: locks}\n");
        write("manifests/a.yaml", manifest("shop", "shop-orders"));

        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--manifests", "manifests");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("ddb-gitops.yaml:3:8: lock.account: account prod is not defined under accounts")
                .contains("1 valid manifest(s), 0 invalid, 0 other document(s) skipped; the repository config is invalid");
    }

    @Test
    void aConfigThatIsNotYamlIsReportedOnceAndCountedOnce() throws Exception {
        write("ddb-gitops.yaml", "apiVersion: ddb-gitops/v1\nkind: Config\npolicy: [\n");
        write("manifests/a.yaml", manifest("shop", "shop-orders"));

        CliRun run = CliRun.of("validate", "--repo", repo.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out().lines().filter(l -> l.startsWith("ddb-gitops.yaml:4:1: (document): not valid YAML")))
                .hasSize(1);
        assertThat(run.out()).contains("1 valid manifest(s), 0 invalid, 0 other document(s) skipped; the repository "
                + "config is invalid");
    }

    @Test
    void saysWhenThereIsNoPolicy() throws Exception {
        write("manifests/a.yaml", manifest("shop", "shop-orders"));

        CliRun run = CliRun.of("validate", "--repo", repo.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("policy: none — every namespace may manage every table");
    }
}
