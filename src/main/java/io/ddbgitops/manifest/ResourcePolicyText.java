package io.ddbgitops.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a resource-based policy must be before DynamoDB sees it, checked offline: at most 20 KB counted with its
 * whitespace, one JSON object, with a {@code Statement}. "The maximum size supported for a resource-based policy
 * document is 20 KB. DynamoDB counts whitespaces when calculating the size of a policy against this limit."
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html, checked 2026-12-01).
 */
public final class ResourcePolicyText {
    /** 20 KB, in bytes of the text as sent (UTF-8). */
    public static final int MAX_BYTES = 20 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** A problem with the policy: what is wrong and where inside the policy text (line 1 for the whole). */
    public record Problem(int line, int column, String message) {
    }

    private ResourcePolicyText() {
    }

    public static Optional<Problem> check(String policy) {
        int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of(new Problem(1, 1, "the policy is " + bytes + " bytes; at most " + MAX_BYTES
                    + " (20 KB, whitespace counted) are allowed"));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            return Optional.of(new Problem(line, column, "the policy is not valid JSON: "
                    + Values.printable(e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject()) {
            return Optional.of(new Problem(1, 1, "the policy is not a JSON object ({\"Version\": ..., "
                    + "\"Statement\": [...]})"));
        }
        JsonNode statement = tree.path("Statement");
        if (!(statement.isObject() || (statement.isArray() && !statement.isEmpty()))) {
            return Optional.of(new Problem(1, 1, "the policy has no Statement (an object or a non-empty list)"));
        }
        return Optional.empty();
    }
}
