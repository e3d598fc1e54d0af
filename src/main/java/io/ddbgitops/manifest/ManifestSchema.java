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
 * One of our JSON schemas (the {@code Dynamodb} one unless named), loaded from the classpath (its {@code $id} is
 * mapped there, so nothing is fetched from the network), and validation that answers in our own words (see
 * {@link SchemaMessages}).
 */
final class ManifestSchema {
    private static final String BASE = "https://ddb-gitops.io/schemas/";
    static final String ID = BASE + "dynamodb-v1.schema.json";

    private final JsonSchema schema;
    private final SchemaMessages messages;

    ManifestSchema() {
        this("dynamodb-v1.schema.json");
    }

    /** {@code fileName} is a schema under {@code schemas/}, e.g. {@code config-v1.schema.json}. */
    ManifestSchema(String fileName) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers ->
                        mappers.mapPrefix("https://ddb-gitops.io/schemas/", "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = factory.getSchema(SchemaLocation.of(BASE + fileName), config);
        // built whole now (its $refs too), not on first use: the loader validates on several threads at once
        this.schema.initializeValidators();
        this.messages = new SchemaMessages(readSchemaTree("/schemas/" + fileName));
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

    private static JsonNode readSchemaTree(String resource) {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
