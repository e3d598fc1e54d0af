package io.ddbgitops.plan.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A policy compared by meaning, not by text: parsed, keys sorted, whitespace gone. Reports carry its digest, not
 * the policy itself, so a change shows as one short line and the report stays small.
 */
record PolicyDocument(JsonNode tree) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty when the text is not JSON (a live policy we cannot read as one is compared by its text). */
    static Optional<PolicyDocument> parse(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            return tree == null ? Optional.empty() : Optional.of(new PolicyDocument(tree));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    String canonical() {
        try {
            return JSON.writeValueAsString(sorted(tree));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sha256:} and the first 16 hex digits of the canonical form's digest. */
    String digest() {
        return digestOf(canonical());
    }

    static String digestOf(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    /**
     * A statement that denies every DynamoDB action (or every action) to every principal: once attached, nobody,
     * this tool included, can read or change the table or its policy again except the account's root user.
     */
    boolean deniesEveryone() {
        JsonNode statements = tree.path("Statement");
        Iterable<JsonNode> list = statements.isArray() ? statements : java.util.List.of(statements);
        for (JsonNode s : list) {
            if ("Deny".equals(s.path("Effect").asText()) && everyone(s.path("Principal"))
                    && anyOf(s.path("Action"), "*", "dynamodb:*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean everyone(JsonNode principal) {
        return "*".equals(principal.asText(null)) || anyOf(principal.path("AWS"), "*");
    }

    private static boolean anyOf(JsonNode value, String... wanted) {
        Iterable<JsonNode> values = value.isArray() ? value : java.util.List.of(value);
        for (JsonNode v : values) {
            for (String w : wanted) {
                if (v.isTextual() && v.textValue().equalsIgnoreCase(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
