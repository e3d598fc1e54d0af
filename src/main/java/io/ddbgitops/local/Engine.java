package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Talks HTTP to the in-process DynamoDB Local: forwards client requests and makes the front's own calls. */
final class Engine {
    /** Hop-by-hop headers and those HttpClient sets itself; identity encoding keeps bodies rewritable. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "accept-encoding", "authorization", "http2-settings",
            "te", "trailer", "proxy-connection", "date");
    private static final Set<String> NOT_RETURNED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "date", "server");

    private final URI base;
    private final HttpClient http;
    private final String accessKey;

    /** {@code accessKey}: the key DynamoDB Local sees for every request, which picks the account's database. */
    Engine(int port, String accessKey) {
        this.accessKey = accessKey;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    WireResponse forward(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        Optional<String> authorization = Optional.empty();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("authorization")) {
                authorization = header.getValue().stream().findFirst();
            } else if (!NOT_FORWARDED.contains(name)) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        SigV4Authorization.normalised(authorization, accessKey).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new WireResponse(response.statusCode(), returnedHeaders(response.headers()), response.body());
    }

    /** The front's own call; an AWS error answer is thrown as the same {@link AwsException}. */
    ObjectNode call(String region, String operation, JsonNode request) {
        Map<String, List<String>> headers = Map.of(
                "Authorization", List.of(SigV4Authorization.forRegion(region, accessKey)),
                "X-Amz-Target", List.of("DynamoDB_20120810." + operation),
                "Content-Type", List.of(WireResponse.JSON_1_0));
        WireResponse response;
        try {
            response = forward("POST", "/", headers, Json.bytes(request));
        } catch (IOException e) {
            throw new IllegalStateException("DynamoDB Local did not answer " + operation + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling DynamoDB Local " + operation, e);
        }
        ObjectNode body = Json.parseRequest(response.body());
        if (!response.isSuccess()) {
            throw new AwsException(Json.text(body, "__type").orElse("InternalServerError"),
                    Json.text(body, "message").or(() -> Json.text(body, "Message")).orElse(operation + " failed"));
        }
        return body;
    }

    /** The table's description, or empty when DynamoDB Local does not know it. */
    Optional<ObjectNode> describeTable(String region, String table) {
        try {
            JsonNode description = call(region, "DescribeTable", Json.object().put("TableName", table)).get("Table");
            return Optional.of((ObjectNode) description);
        } catch (AwsException e) {
            if (e.code().equals("ResourceNotFoundException")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Map<String, List<String>> returnedHeaders(HttpHeaders headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_RETURNED.contains(lower) && !lower.startsWith(":")) {
                kept.put(lower, values);
            }
        });
        return kept;
    }
}
