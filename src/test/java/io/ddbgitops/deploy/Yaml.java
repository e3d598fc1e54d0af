package io.ddbgitops.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** YAML files of the repository (examples, deployment) read as trees; a key given twice is an error. */
final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private Yaml() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static JsonNode read(Path file) throws IOException {
        List<JsonNode> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IOException(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static List<JsonNode> readAll(Path file) throws IOException {
        try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream().filter(doc -> !doc.isNull() && !doc.isMissingNode()).toList();
        }
    }
}
