package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * DynamoDB Streams ({@code X-Amz-Target: DynamoDBStreams_20120810.*}: ListStreams, DescribeStream, GetShardIterator,
 * GetRecords), which DynamoDB Local serves itself under its own {@code ddblocal} ARNs. DescribeTable hands clients
 * the stream ARN in the request's region ({@link TableDescriptions}), so the same ARN has to work here: every string
 * of a request is turned back into DynamoDB Local's form and every string of the answer into the region's, shard
 * iterators included (DynamoDB Local writes the stream ARN into them). Records carry the region in
 * {@code awsRegion}, as on AWS.
 */
final class StreamOperations {
    static final String TARGET_PREFIX = "DynamoDBStreams_20120810.";
    private static final String ENGINE_PREFIX = "arn:aws:dynamodb:" + TableArns.ENGINE_REGION + ":";
    /** A record's {@code dynamodb} member holds the client's items, which are never rewritten. */
    private static final String ITEM_DATA = "dynamodb";

    private final Engine engine;

    StreamOperations(Engine engine) {
        this.engine = engine;
    }

    static boolean handles(String target) {
        return target.startsWith(TARGET_PREFIX);
    }

    WireResponse answer(String region, String method, String path, Map<String, List<String>> headers, byte[] body)
            throws IOException, InterruptedException {
        ObjectNode request = Json.parseRequest(body);
        String regionPrefix = "arn:aws:dynamodb:" + region + ":";
        rewrite(request, text -> text.replace(regionPrefix, ENGINE_PREFIX));
        WireResponse response = engine.forward(method, path, headers, Json.bytes(request));
        if (!response.isSuccess() || response.body().length == 0) {
            return response;
        }
        ObjectNode answer = Json.parseRequest(response.body());
        rewrite(answer, text -> text.equals(TableArns.ENGINE_REGION) ? region
                : text.replace(ENGINE_PREFIX, regionPrefix));
        return response.withBody(answer);
    }

    /** Replaces every string value in place (field names stay). */
    private static void rewrite(JsonNode node, UnaryOperator<String> change) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                if (field.getKey().equals(ITEM_DATA)) {
                    continue;
                }
                if (field.getValue().isTextual()) {
                    object.set(field.getKey(), TextNode.valueOf(change.apply(field.getValue().asText())));
                } else {
                    rewrite(field.getValue(), change);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(change.apply(array.get(i).asText())));
                } else {
                    rewrite(array.get(i), change);
                }
            }
        }
    }
}
