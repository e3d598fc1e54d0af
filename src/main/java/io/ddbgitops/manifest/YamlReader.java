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
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
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
 * <p>Nothing the YAML asks for is carried out: aliases are never expanded, tags never resolve to a type, merge
 * keys never merge. Each is an error at its place (see {@link YamlScalars} for numbers and booleans). Depth and
 * aliases are counted while streaming, so a hostile file stops at its limit instead of being built.
 *
 * <p>Duplicate keys are detected here rather than with {@code STRICT_DUPLICATE_DETECTION}: that feature
 * aborts the parse, and we want a duplicate key reported at the key together with the document's other errors.
 */
final class YamlReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PARSER_MESSAGE = 300;
    // "key:" with nothing after it means null in YAML, not the empty string Jackson reads by default
    private final YAMLFactory factory = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    private final ManifestLimits limits;

    YamlReader(ManifestLimits limits) {
        this.limits = limits;
    }

    List<YamlDocument> read(String file, String text) throws RejectedFile {
        try (JsonParser parser = factory.createParser(text)) {
            List<YamlDocument> documents = new ArrayList<>();
            int[] aliases = {0};
            while (parser.nextToken() != null) {
                // ManifestText counted the markers already; this only backs it up (a file may end in an empty one)
                if (documents.size() > limits.documentsPerFile()) {
                    throw rejected("more than " + limits.documentsPerFile()
                            + " YAML documents in one file (limit: documents per file); split the file", parser);
                }
                documents.add(new DocumentBuilder(file, (YAMLParser) parser, aliases, limits).build());
            }
            return documents;
        } catch (MarkedYAMLException e) {
            throw invalid(e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
            throw new RejectedFile(parserSaid(e.getOriginalMessage()), at.getLineNr(), at.getColumnNr());
        } catch (IOException e) {
            // the text is already in memory, so this is the parser refusing the input
            throw new RejectedFile(parserSaid(String.valueOf(e.getMessage())), 1, 1);
        }
    }

    /** At the parser's problem mark (Jackson's own location points at the last good token, often line 1). */
    private static RejectedFile invalid(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = String.valueOf(e.getProblem());
        String message = problem.contains("\\t(TAB)") || problem.contains("\t")
                ? "a tab cannot indent YAML; indent with spaces"
                : problem + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
        if ("while scanning a simple key".equals(e.getContext())) {
            message += "; a key is at most 1024 characters long and is followed by ':'";
        }
        return new RejectedFile(parserSaid(message),
                mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1);
    }

    /** The parser's words on one line, cut short: they may quote the input. */
    private static String parserSaid(String message) {
        String line = Values.printable(message);
        return "not valid YAML: " + (line.length() > PARSER_MESSAGE ? line.substring(0, PARSER_MESSAGE) + "..." : line);
    }

    private static RejectedFile rejected(String message, JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new RejectedFile(message, at.getLineNr(), at.getColumnNr());
    }

    /** Builds one document's tree from the parser positioned on its first token. */
    private static final class DocumentBuilder {
        private final String file;
        private final YAMLParser parser;
        private final int[] aliases;
        private final ManifestLimits limits;
        private final Map<String, SourceLocation> locations = new HashMap<>();
        private final List<Finding> problems = new ArrayList<>();
        private int depth;

        DocumentBuilder(String file, YAMLParser parser, int[] aliases, ManifestLimits limits) {
            this.file = file;
            this.parser = parser;
            this.aliases = aliases;
            this.limits = limits;
        }

        YamlDocument build() throws IOException, RejectedFile {
            locations.put("", here());
            JsonNode root = value("");
            return new YamlDocument(root, locations, problems);
        }

        private JsonNode value(String pointer) throws IOException, RejectedFile {
            if (parser.isCurrentAlias()) {
                if (++aliases[0] > limits.aliasesPerFile()) {
                    throw rejected("more than " + limits.aliasesPerFile()
                            + " YAML aliases in one file (limit: aliases); none is expanded", parser);
                }
                problems.add(new Finding(pointer, "YAML aliases (*" + Values.shorten(parser.getText())
                        + ") are not supported; write the value out"));
            }
            String tag = parser.getTypeId();
            if (tag != null) {
                problems.add(new Finding(pointer, "YAML tags (" + Values.printable(Values.shorten(shortTag(tag)))
                        + ") are not supported and never create anything; remove the tag (quote the value "
                        + "to make it text)"));
            }
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> mapping(pointer);
                case START_ARRAY -> sequence(pointer);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                        YamlScalars.read(parser, token, pointer, problems);
                case VALUE_NULL -> NODES.nullNode();
                default -> NODES.textNode(parser.getText());
            };
        }

        private ObjectNode mapping(String pointer) throws IOException, RejectedFile {
            enter();
            ObjectNode node = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = Pointers.child(pointer, name);
                SourceLocation key = here();
                parser.nextToken();
                if (name.equals("<<")) {
                    locations.putIfAbsent(child, key);
                    problems.add(new Finding(child, "YAML merge keys (<<) are not supported; write the fields out"));
                    parser.skipChildren();
                    continue;
                }
                JsonNode value = value(child);
                if (node.has(name)) {
                    problems.add(new Finding(child, "duplicate key " + Values.quote(name)
                            + "; it is also written at line " + locations.get(child).line()));
                }
                locations.put(child, key);
                node.set(name, value);
            }
            depth--;
            return node;
        }

        private ArrayNode sequence(String pointer) throws IOException, RejectedFile {
            enter();
            ArrayNode node = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = Pointers.child(pointer, index++);
                locations.put(child, here());
                node.add(value(child));
            }
            depth--;
            return node;
        }

        private void enter() throws RejectedFile {
            if (++depth > limits.depth()) {
                throw rejected("mappings and lists nested more than " + limits.depth()
                        + " levels deep (limit: depth)", parser);
            }
        }

        private SourceLocation here() {
            JsonLocation at = parser.currentTokenLocation();
            return new SourceLocation(file, at.getLineNr(), at.getColumnNr());
        }

        /** {@code !!java/object:x} rather than {@code tag:yaml.org,2002:java/object:x}. */
        private static String shortTag(String tag) {
            return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length())
                    : "!" + tag;
        }
    }
}
