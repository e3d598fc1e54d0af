package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes DynamoDB Local's table descriptions look like AWS's: ARNs carry the request's region instead of
 * {@code ddblocal}, and every {@code *DateTime} is in epoch seconds (DynamoDB Local has been seen to report
 * milliseconds).
 */
final class TableDescriptions {
    /** Epoch seconds stay below this until the year 5138; epoch milliseconds of today are far above it. */
    private static final double LARGEST_PLAUSIBLE_SECONDS = 1e11;

    private TableDescriptions() {}

    /** Rewrites the node in place. */
    static void fix(JsonNode node, String region) {
        if (node instanceof ObjectNode object) {
            // a copy: the loop replaces values of the object it walks
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                JsonNode value = field.getValue();
                if (value.isTextual() && value.asText().startsWith("arn:aws:dynamodb:")) {
                    object.set(field.getKey(), TextNode.valueOf(TableArns.toRegion(value.asText(), region)));
                } else if (value.isNumber() && field.getKey().endsWith("DateTime")) {
                    object.set(field.getKey(), inSeconds(value));
                } else {
                    fix(value, region);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> fix(element, region));
        }
    }

    private static JsonNode inSeconds(JsonNode value) {
        if (value.asDouble() <= LARGEST_PLAUSIBLE_SECONDS) {
            return value;
        }
        return DecimalNode.valueOf(value.decimalValue().divide(BigDecimal.valueOf(1000)));
    }

    /** The current time as the epoch seconds with milliseconds that AWS puts in its DateTime fields. */
    static DecimalNode seconds(double epochSeconds) {
        return DecimalNode.valueOf(BigDecimal.valueOf(Math.round(epochSeconds * 1000)).movePointLeft(3));
    }
}
