package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/** An HTTP response as the front sends it: status, headers (lower-case names) and body. */
record WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
    static final String JSON_1_0 = "application/x-amz-json-1.0";
    /** Application Auto Scaling speaks JSON 1.1 (botocore's application-autoscaling model, jsonVersion 1.1). */
    static final String JSON_1_1 = "application/x-amz-json-1.1";

    WireResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    static WireResponse ok(JsonNode json) {
        return json(200, json);
    }

    /**
     * DynamoDB's own errors name their text {@code message}; the service framework's SerializationException names it
     * {@code Message}, as DynamoDB sends it (e.g. {"__type":"com.amazon.coral.service#SerializationException",
     * "Message":"Start of list found where not expected"}, quoted from DynamoDB answers in public code and SDK issues,
     * checked 2026-12-01). SDKs read either.
     */
    static WireResponse error(AwsException e) {
        String member = e.type().equals(AwsException.SERIALIZATION) ? "Message" : "message";
        return json(400, Json.object().put("__type", e.type()).put(member, e.getMessage()));
    }

    /**
     * A success without a body, as DynamoDB answers TagResource and UntagResource (their model has no output shape;
     * ScyllaDB's Alternator tests check the empty body against DynamoDB: test/alternator/test_manual_requests.py,
     * test_tags_return_empty_body, https://github.com/scylladb/scylladb, checked 2026-12-01).
     */
    static WireResponse okEmpty() {
        return withHeaders(200, new byte[0], JSON_1_0);
    }

    static WireResponse okJson11(JsonNode json) {
        return json(200, json, JSON_1_1);
    }

    /** Application Auto Scaling's error shapes name their member {@code Message}. */
    static WireResponse errorJson11(AwsException e) {
        return json(400, Json.object().put("__type", e.type()).put("Message", e.getMessage()), JSON_1_1);
    }

    /**
     * KMS's errors name their text {@code message} (every error shape in botocore's kms service-2.json, checked
     * 2026-12-01) and their {@code __type} without a namespace, e.g. {"__type":"NotFoundException","message":"Key
     * 'arn:aws:kms:…:key/…' does not exist"} as KMS answers it (quoted in public client code, checked 2026-12-01).
     */
    static WireResponse errorKms(AwsException e) {
        return json(400, Json.object().put("__type", e.type()).put("message", e.getMessage()), JSON_1_1);
    }

    /** A failure of the front itself; the message says what broke, never what the client sent. */
    static WireResponse internalError(String message) {
        return json(500, Json.object().put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError")
                .put("message", message));
    }

    private static WireResponse json(int status, JsonNode json) {
        return json(status, json, JSON_1_0);
    }

    private static WireResponse json(int status, JsonNode json, String contentType) {
        return withHeaders(status, Json.bytes(json), contentType);
    }

    private static WireResponse withHeaders(int status, byte[] body, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of(contentType));
        headers.put("x-amzn-requestid", List.of(UUID.randomUUID().toString()));
        headers.put("x-amz-crc32", List.of(crc32(body)));
        return new WireResponse(status, headers, body);
    }

    /** The same response with a new body; the checksum clients verify is recomputed to match it. */
    WireResponse withBody(JsonNode json) {
        byte[] newBody = Json.bytes(json);
        Map<String, List<String>> newHeaders = new LinkedHashMap<>(headers);
        newHeaders.put("x-amz-crc32", List.of(crc32(newBody)));
        return new WireResponse(status, newHeaders, newBody);
    }

    /** The same response with a new raw body (checksum recomputed). */
    WireResponse withBytes(byte[] newBody) {
        Map<String, List<String>> newHeaders = new LinkedHashMap<>(headers);
        newHeaders.put("x-amz-crc32", List.of(crc32(newBody)));
        return new WireResponse(status, newHeaders, newBody);
    }

    /** An answer in the query protocol's XML (STS). */
    static WireResponse xml(int status, String xml) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("text/xml"));
        headers.put("x-amzn-requestid", List.of(UUID.randomUUID().toString()));
        return new WireResponse(status, headers, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    boolean isSuccess() {
        return status / 100 == 2;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    private static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}
