package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The published schema stands on its own: other tools can use it without our semantic rules. */
class DynamodbSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isAJsonSchema202012DocumentWithAnId() throws IOException {
        JsonNode schema = schemaTree();

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(ManifestSchema.ID);
        JsonSchema metaSchema = factory().getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(schema)).isEmpty();
    }

    @Test
    void acceptsTheSeedManifestAsWritten() throws IOException {
        JsonNode seed = new ObjectMapper(new YAMLFactory())
                .readTree(Fixtures.scenario("seed").resolve("team/dynamodb.yaml").toFile());

        assertThat(factory().getSchema(schemaTree()).validate(seed)).isEmpty();
    }

    @Test
    void rejectsUnknownFieldsUnderSpec() throws IOException {
        JsonNode manifest = JSON.readTree("""
                {"apiVersion": "prsn.io/v1", "kind": "Dynamodb", "metadata": {"name": "x"},
                 "spec": {"region": "us-east-1", "tablename": "Orders", "pri_key_attributename": "id",
                          "pri_key_attributetype": "S", "optional_spec": {"autoscale": true}}}""");

        assertThat(factory().getSchema(schemaTree()).validate(manifest))
                .singleElement().satisfies(message -> assertThat(message.getProperty()).isEqualTo("autoscale"));
    }

    private static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    private static JsonNode schemaTree() throws IOException {
        try (InputStream in = DynamodbSchemaTest.class.getResourceAsStream("/schemas/dynamodb-v1.schema.json")) {
            return JSON.readTree(in);
        }
    }
}
