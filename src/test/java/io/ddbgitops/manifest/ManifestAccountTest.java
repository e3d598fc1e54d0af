package io.ddbgitops.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code optional_spec.account}: the schema's check, the table's identity, and duplicates per account. */
class ManifestAccountTest {
    @TempDir
    Path repo;

    private void write(String file, String table, String account) throws IOException {
        Files.writeString(repo.resolve(file), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  optional_spec:
                    account: %s
                """.formatted(file.replace(".yaml", ""), table, account));
    }

    @Test
    void theAccountIsPartOfTheTablesIdentity() throws IOException {
        write("a.yaml", "orders", "prod");
        write("b.yaml", "orders", "dev");
        write("c.yaml", "orders", "default");

        LoadResult loaded = new ManifestLoader().load(repo);

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.manifests()).extracting(TableManifest::tableId).containsExactly(
                new TableId("prod", "us-east-1", "orders"), new TableId("dev", "us-east-1", "orders"),
                new TableId("us-east-1", "orders"));
        assertThat(loaded.manifests().get(0).tableId()).hasToString("prod:us-east-1/orders");
        assertThat(loaded.manifests().get(2).tableId()).hasToString("us-east-1/orders");
    }

    @Test
    void twoManifestsOfOneTableInOneAccountAreBothErrors() throws IOException {
        write("a.yaml", "orders", "prod");
        write("b.yaml", "orders", "prod");

        LoadResult loaded = new ManifestLoader().load(repo);

        assertThat(loaded.manifests()).isEmpty();
        assertThat(loaded.errors()).extracting(ManifestError::format).containsExactly(
                "a.yaml:7:3: spec.tablename: table prod:us-east-1/orders is also declared in b.yaml:1",
                "b.yaml:7:3: spec.tablename: table prod:us-east-1/orders is also declared in a.yaml:1");
    }

    @Test
    void anAccountNameThatCannotBeOneIsASchemaErrorWithItsPlace() throws IOException {
        write("a.yaml", "orders", "\"prod account\"");

        LoadResult loaded = new ManifestLoader().load(repo);

        assertThat(loaded.manifests()).isEmpty();
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.location().line()).isEqualTo(11);
            assertThat(e.format()).isEqualTo("a.yaml:11:5: spec.optional_spec.account: \"prod account\" is not an "
                    + "account name (1–64 of A-Z a-z 0-9 _ . -, starting with a letter or digit)");
        });
    }
}
