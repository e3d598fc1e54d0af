package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Dynamodb} JSON schema, loaded from the classpath (its {@code $id} is mapped there, so nothing is
 * fetched from the network), and validation that answers in our own words (see {@link SchemaMessages}).
 */
final class ManifestSchema {
    static final String ID = "https://ddb-gitops.io/schemas/dynamodb-v1.schema.json";
    private static final String RESOURCE = "/schemas/dynamodb-v1.schema.json";

    private final JsonSchema schema;
    private final SchemaMessages messages;

    ManifestSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers ->
                        mappers.mapPrefix("https://ddb-gitops.io/schemas/", "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = factory.getSchema(SchemaLocation.of(ID), config);
        this.messages = new SchemaMessages(readSchemaTree());
    }

    /** At most one finding per field, in the order the schema found them. */
    List<Finding> validate(JsonNode document) {
        Map<String, Finding> byPointer = new LinkedHashMap<>();
        for (ValidationMessage message : schema.validate(document)) {
            Finding finding = messages.translate(message);
            byPointer.putIfAbsent(finding.pointer(), finding);
        }
        return List.copyOf(byPointer.values());
    }

    private static JsonNode readSchemaTree() {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
