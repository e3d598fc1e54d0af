package io.ddbgitops.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FieldLocatorTest {
    private static final String TWO_DOCUMENTS = """
            apiVersion: prsn.io/v1
            kind: Dynamodb
            metadata: {name: a}
            spec: {region: us-east-1, tablename: aaa, pri_key_attributename: id, pri_key_attributetype: S}
            ---
            apiVersion: prsn.io/v1
            kind: Dynamodb
            metadata: {name: b}
            spec:
              region: us-east-1
              tablename: bbb
              pri_key_attributename: id
              pri_key_attributetype: S
              optional_spec: {replicas: [eu-west-1, sa-east-1]}
            """;

    @TempDir
    Path root;

    private SourceLocation secondDocument() throws IOException {
        Files.createDirectories(root.resolve("m"));
        Files.writeString(root.resolve("m/t.yaml"), TWO_DOCUMENTS);
        return new ManifestLoader().load(root).manifests().get(1).source();
    }

    @Test
    void findsAFieldInTheDocumentThatStartsWhereTheManifestDoes() throws IOException {
        SourceLocation document = secondDocument();
        FieldLocator locator = new FieldLocator(root);

        assertThat(locator.locate(document, "/spec/tablename")).hasToString("m/t.yaml:11:3");
        assertThat(locator.locate(document, "/spec/optional_spec/replicas/1")).hasToString("m/t.yaml:14:41");
        assertThat(locator.locate(document, "/spec/optional_spec/account")).hasToString("m/t.yaml:14:3");
    }

    @Test
    void fallsBackToTheDocumentsStartWhenTheFileIsGoneOrChanged() throws IOException {
        SourceLocation document = secondDocument();
        FieldLocator locator = new FieldLocator(root);

        Files.writeString(root.resolve("m/t.yaml"), "just: one\n");
        assertThat(locator.locate(document, "/spec/tablename")).isEqualTo(document);
        Files.delete(root.resolve("m/t.yaml"));
        assertThat(locator.locate(document, "/spec/tablename")).isEqualTo(document);
    }
}
