package io.ddbgitops.config;

import io.ddbgitops.manifest.FieldLocator;
import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.manifest.TableManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The namespace policy against real manifests: each rule refused with the manifest's place and the rule's. */
class NamespacePolicyTest {
    private static final String CONFIG = """
            apiVersion: ddb-gitops/v1
            kind: Config
            accounts:
              prod: {account_id: "111111111111", role_arn: "arn:aws:iam::111111111111:role/ddb-gitops"}
            policy:
              namespaces:
                shop:
                  tables: ["shop-*"]
                  regions: [us-east-1, eu-west-1]
                billing:
                  tables: ["billing-*", "invoices"]
                  regions: [us-east-1]
                  accounts: [default]
                  paths: ["teams/billing/*"]
                web:
                  tables: ["web-*"]
                  accounts: [prod]
            """;

    @TempDir
    Path repo;

    private RepositoryConfig config(String text) {
        return new ConfigLoader().check(text).config().orElseThrow();
    }

    private TableManifest manifest(String file, String namespace, String table, String region, String optional)
            throws IOException {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: t
                  namespace: %s
                spec:
                  region: "%s"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  optional_spec:
                    billing_mode: PAY_PER_REQUEST
                %s""".formatted(namespace, region, table, optional.indent(4)));
        LoadResult loaded = new ManifestLoader().load(repo);
        assertThat(loaded.errors()).isEmpty();
        TableManifest manifest = loaded.manifests().stream().filter(m -> m.source().file().equals(file)).findFirst()
                .orElseThrow();
        Files.delete(path);
        return manifest;
    }

    private List<String> violations(TableManifest manifest) {
        return config(CONFIG).policy().orElseThrow().check(manifest).stream()
                .map(v -> v.pointer() + ": " + v.message()).toList();
    }

    @Test
    void allowsATableInsideItsNamespacesAllowance() throws IOException {
        assertThat(violations(manifest("teams/billing/a.yaml", "billing", "billing-invoices", "us-east-1", ""))).isEmpty();
        assertThat(violations(manifest("teams/billing/a.yaml", "billing", "invoices", "us-east-1", ""))).isEmpty();
        assertThat(violations(manifest("anywhere.yaml", "shop", "shop-carts", "eu-west-1",
                "replicas: [us-east-1]"))).isEmpty();
    }

    @Test
    void refusesAnotherNamespacesTableNamingTheRule() throws IOException {
        assertThat(violations(manifest("teams/billing/a.yaml", "billing", "shop-orders", "us-east-1", "")))
                .containsExactly("/spec/tablename: table \"shop-orders\" is outside what namespace \"billing\" may "
                        + "manage: ddb-gitops.yaml:10:5 policy.namespaces.billing.tables allows billing-*, invoices");
    }

    @Test
    void refusesARegionOrAReplicaRegionThatIsNotListed() throws IOException {
        assertThat(violations(manifest("a.yaml", "shop", "shop-orders", "ap-south-1", "replicas: [eu-west-1, sa-east-1]")))
                .containsExactly(
                        "/spec/region: region ap-south-1 is outside what namespace \"shop\" may manage: "
                                + "ddb-gitops.yaml:7:5 policy.namespaces.shop.regions allows us-east-1, eu-west-1",
                        "/spec/optional_spec/replicas/1: replica region sa-east-1 is outside what namespace \"shop\" may "
                                + "manage: ddb-gitops.yaml:7:5 policy.namespaces.shop.regions allows us-east-1, eu-west-1");
    }

    @Test
    void refusesTheDefaultCredentialChainWhenTheNamespaceListsOnlyNamedAccounts() throws IOException {
        assertThat(violations(manifest("a.yaml", "web", "web-sessions", "us-east-1", "")))
                .containsExactly("/spec/optional_spec/account: the default credential chain (account default; the "
                        + "manifest names no account) is outside what namespace \"web\" may manage: ddb-gitops.yaml:15:5 "
                        + "policy.namespaces.web.accounts allows prod");
    }

    @Test
    void checksTheAccountTheManifestNames() throws IOException {
        assertThat(violations(manifest("a.yaml", "web", "web-sessions", "us-east-1", "account: prod"))).isEmpty();
        assertThat(violations(manifest("teams/billing/a.yaml", "billing", "invoices", "us-east-1", "account: prod")))
                .containsExactly("/spec/optional_spec/account: account prod is outside what namespace \"billing\" may "
                        + "manage: ddb-gitops.yaml:10:5 policy.namespaces.billing.accounts allows default");
    }

    @Test
    void refusesAnAccountTheConfigDoesNotDefineAndSuggestsTheClosest() throws IOException {
        TableManifest typo = manifest("a.yaml", "web", "web-sessions", "us-east-1", "account: prdo");
        LoadResult admitted = PolicyCheck.admit(config(CONFIG), new LoadResult(List.of(typo), List.of(), 0, 0));

        assertThat(admitted.manifests()).isEmpty();
        assertThat(admitted.invalidManifests()).isEqualTo(1);
        assertThat(admitted.errors()).extracting(e -> e.pointer() + ": " + e.message()).contains(
                "/spec/optional_spec/account: account \"prdo\" is not defined in ddb-gitops.yaml (accounts: prod); "
                        + "did you mean \"prod\"?");
    }

    @Test
    void refusesAnyAccountWithoutARepositoryConfig() throws IOException {
        TableManifest named = manifest("a.yaml", "web", "web-sessions", "us-east-1", "account: prod");
        TableManifest plain = manifest("b.yaml", "web", "web-sessions2", "us-east-1", "account: default");
        LoadResult admitted = PolicyCheck.admit(RepositoryConfig.none(),
                new LoadResult(List.of(named, plain), List.of(), 0, 0));

        assertThat(admitted.manifests()).containsExactly(plain);
        assertThat(admitted.errors()).singleElement().satisfies(e -> {
            assertThat(e.location().file()).isEqualTo("a.yaml");
            assertThat(e.format()).contains("spec.optional_spec.account: account \"prod\" is not defined: accounts "
                    + "are defined in the repository config, ddb-gitops.yaml at the repository root, and it has none "
                    + "(there is no such file)");
        });
    }

    @Test
    void refusesAManifestOutsideItsNamespacesFolders() throws IOException {
        assertThat(violations(manifest("teams/shop/sneaky.yaml", "billing", "billing-invoices", "us-east-1", "")))
                .containsExactly("/metadata/namespace: a manifest in teams/shop/sneaky.yaml is outside what namespace "
                        + "\"billing\" may manage: ddb-gitops.yaml:10:5 policy.namespaces.billing.paths allows "
                        + "teams/billing/*");
    }

    @Test
    void refusesAPointInTimeRestoreFromAnotherNamespacesTable() throws IOException {
        assertThat(violations(manifest("teams/billing/r.yaml", "billing", "billing-copy", "us-east-1",
                "restore: {source_table: shop-orders, point_in_time: latest}")))
                .containsExactly("/spec/optional_spec/restore/source_table: restoring from table \"shop-orders\" is "
                        + "outside what namespace \"billing\" may manage: ddb-gitops.yaml:10:5 "
                        + "policy.namespaces.billing.tables allows billing-*, invoices");
    }

    @Test
    void refusesANamespaceThePolicyDoesNotList() throws IOException {
        assertThat(violations(manifest("a.yaml", "default", "shop-orders", "us-east-1", "")))
                .containsExactly("/metadata/namespace: namespace \"default\" may not manage any table: the policy at "
                        + "ddb-gitops.yaml:5:1 policy.namespaces lists only billing, shop, web");
    }

    @Test
    void anEmptyPolicyRefusesEveryManifest() throws IOException {
        RepositoryConfig empty = config("apiVersion: ddb-gitops/v1\nkind: Config\npolicy: {namespaces: {}}\n");

        assertThat(empty.policy().orElseThrow().check(manifest("a.yaml", "shop", "shop-orders", "us-east-1", "")))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("lists only no namespace"));
    }

    @Test
    void refusedManifestsBecomeInvalidOnesAtTheRefusedFieldAndTheOthersStay() throws IOException {
        Files.createDirectories(repo.resolve("teams/billing"));
        Files.writeString(repo.resolve("teams/billing/tables.yaml"), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata: {name: invoices, namespace: billing}
                spec: {region: us-east-1, tablename: billing-invoices, pri_key_attributename: id, pri_key_attributetype: S}
                ---
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata: {name: orders, namespace: billing}
                spec: {region: us-east-1, tablename: shop-orders, pri_key_attributename: id, pri_key_attributetype: S}
                """);
        Files.writeString(repo.resolve("broken.yaml"), "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata: {name: x}\n");
        LoadResult loaded = new ManifestLoader().load(repo);

        LoadResult admitted = PolicyCheck.admit(config(CONFIG), loaded, "", new FieldLocator(repo)::locate);

        assertThat(admitted.manifests()).extracting(TableManifest::tableName).containsExactly("billing-invoices");
        assertThat(admitted.invalidManifests()).isEqualTo(2);
        assertThat(admitted.skippedDocuments()).isEqualTo(loaded.skippedDocuments());
        assertThat(admitted.errors()).extracting(ManifestError::format).containsExactly(
                "broken.yaml:1:1: spec: required field is missing",
                "teams/billing/tables.yaml:9:27: spec.tablename: table \"shop-orders\" is outside what namespace "
                        + "\"billing\" may manage: ddb-gitops.yaml:10:5 policy.namespaces.billing.tables allows "
                        + "billing-*, invoices");
    }

    @Test
    void withoutAPolicyEverythingIsAdmitted() throws IOException {
        Files.writeString(repo.resolve("a.yaml"), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata: {name: orders, namespace: anyone}
                spec: {region: us-east-1, tablename: shop-orders, pri_key_attributename: id, pri_key_attributetype: S}
                """);
        LoadResult loaded = new ManifestLoader().load(repo);

        assertThat(PolicyCheck.admit(RepositoryConfig.none(), loaded)).isSameAs(loaded);
    }

    @Test
    void pathsAreCheckedFromTheRepositoryRootWhenOnlyAFolderWasLoaded() throws IOException {
        Files.createDirectories(repo.resolve("teams/billing"));
        Files.writeString(repo.resolve("teams/billing/a.yaml"), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata: {name: invoices, namespace: billing}
                spec: {region: us-east-1, tablename: billing-invoices, pri_key_attributename: id, pri_key_attributetype: S}
                """);
        LoadResult loaded = new ManifestLoader().load(repo.resolve("teams/billing"));

        assertThat(PolicyCheck.admit(config(CONFIG), loaded).manifests()).isEmpty();
        assertThat(PolicyCheck.admit(config(CONFIG), loaded, "teams/billing/", (d, p) -> d).manifests()).hasSize(1);
    }
}
