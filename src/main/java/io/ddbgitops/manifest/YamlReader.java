package io.ddbgitops.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every document of a YAML file into JSON trees with Jackson's streaming parser, remembering the line
 * and column of every key and list item so that schema errors can point at what the user wrote.
 *
 * <p>Duplicate keys are detected here rather than with {@code STRICT_DUPLICATE_DETECTION}: that feature
 * aborts the parse, and we want a duplicate key reported at the key together with the document's other errors.
 */
final class YamlReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // "key:" with nothing after it means null in YAML, not the empty string Jackson reads by default
    private final YAMLFactory factory = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    /** Thrown when the text is not YAML; carries the parser's position. */
    static final class InvalidYamlException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        InvalidYamlException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        SourceLocation location(String file) {
            return new SourceLocation(file, Math.max(line, 1), Math.max(column, 1));
        }
    }

    List<YamlDocument> read(String file, String text) throws InvalidYamlException {
        try (JsonParser parser = factory.createParser(text)) {
            List<YamlDocument> documents = new ArrayList<>();
            while (parser.nextToken() != null) {
                documents.add(new DocumentBuilder(file, (YAMLParser) parser).build());
            }
            return documents;
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw invalid(e, e.getProblem() + context);
        } catch (JsonProcessingException e) {
            throw invalid(e, e.getOriginalMessage());
        } catch (IOException e) {
            // the text is already in memory, so this is the parser refusing the input
            throw new InvalidYamlException("not valid YAML: " + e.getMessage(), 1, 1);
        }
    }

    private static InvalidYamlException invalid(JsonProcessingException e, String message) {
        JsonLocation at = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
        return new InvalidYamlException("not valid YAML: " + message, at.getLineNr(), at.getColumnNr());
    }

    /** Builds one document's tree from the parser positioned on its first token. */
    private static final class DocumentBuilder {
        private final String file;
        private final YAMLParser parser;
        private final Map<String, SourceLocation> locations = new HashMap<>();
        private final List<Finding> problems = new ArrayList<>();

        DocumentBuilder(String file, YAMLParser parser) {
            this.file = file;
            this.parser = parser;
        }

        YamlDocument build() throws IOException {
            locations.put("", here());
            JsonNode root = value("");
            return new YamlDocument(root, locations, problems);
        }

        private JsonNode value(String pointer) throws IOException {
            if (parser.isCurrentAlias()) {
                problems.add(new Finding(pointer, "YAML aliases (*" + parser.getText() + ") are not supported; "
                        + "write the value out"));
            }
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> mapping(pointer);
                case START_ARRAY -> sequence(pointer);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> NODES.textNode(parser.getText());
            };
        }

        private ObjectNode mapping(String pointer) throws IOException {
            ObjectNode node = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = Pointers.child(pointer, name);
                SourceLocation key = here();
                parser.nextToken();
                JsonNode value = value(child);
                if (node.has(name)) {
                    problems.add(new Finding(child, "duplicate key \"" + name + "\"; it is also written at line "
                            + locations.get(child).line()));
                }
                locations.put(child, key);
                node.set(name, value);
            }
            return node;
        }

        private ArrayNode sequence(String pointer) throws IOException {
            ArrayNode node = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = Pointers.child(pointer, index++);
                locations.put(child, here());
                node.add(value(child));
            }
            return node;
        }

        private SourceLocation here() {
            JsonLocation at = parser.currentTokenLocation();
            return new SourceLocation(file, at.getLineNr(), at.getColumnNr());
        }
    }
}
