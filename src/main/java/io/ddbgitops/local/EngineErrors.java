package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * DynamoDB Local's error answers in AWS's shape. DynamoDB Local names the text {@code Message}; DynamoDB's own errors
 * name it {@code message} (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html,
 * checked 2026-12-01), so every error a client gets has one shape. DynamoDB Local's "Cannot do operations on a
 * non-existent table" becomes AWS's "Requested resource not found" (with ": Table: NAME not found" for the table
 * operations, as DynamoDB and moto, which copies its texts, answer them).
 */
final class EngineErrors {
    private static final String ENGINE_MISSING_TABLE = "Cannot do operations on a non-existent table";
    private static final Set<String> NAMING_THE_TABLE = Set.of("DescribeTable", "UpdateTable", "DeleteTable");

    private EngineErrors() {}

    static WireResponse asAws(WireResponse response, String operation, byte[] request) {
        if (response.isSuccess() || response.body().length == 0) {
            return response;
        }
        ObjectNode body;
        try {
            body = Json.parseRequest(response.body());
        } catch (AwsException e) {
            return response;
        }
        String type = body.path("__type").asText("");
        if (type.equals(AwsException.SERIALIZATION) || !body.has("Message") || body.has("message")) {
            return response;
        }
        String message = body.get("Message").asText();
        if (message.equals(ENGINE_MISSING_TABLE)) {
            message = "Requested resource not found";
            if (NAMING_THE_TABLE.contains(operation)) {
                message += Json.text(Json.parseRequest(request), "TableName")
                        .map(table -> ": Table: " + table + " not found").orElse("");
            }
        }
        return response.withBody(Json.object().put("__type", type).put("message", message));
    }
}
