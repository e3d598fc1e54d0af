package io.ddbgitops.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One DynamoDB JSON request over a plain socket, so the test sees exactly the bytes the endpoint sends back. */
final class RawHttp {
    /** What came back; {@code raw} is empty when the connection was closed without a byte. */
    record Response(byte[] raw, int status, Map<String, String> headers, String body) {
        boolean dropped() {
            return raw.length == 0;
        }
    }

    private RawHttp() {}

    static Response post(int port, String operation, String json) throws IOException {
        return postTarget(port, "DynamoDB_20120810." + operation, json);
    }

    /** Any JSON 1.0 target, e.g. {@code DynamoDBStreams_20120810.DescribeStream}. */
    static Response postTarget(int port, String target, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "X-Amz-Target: " + target + "\r\n"
                // DynamoDB Local wants a credential; it does not check the signature
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKIDRAW/20261201/us-east-1/dynamodb/aws4_request,"
                + " SignedHeaders=host, Signature=0\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (java.net.SocketException e) {
            // a reset is a dropped connection as much as an orderly close is
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] raw) {
        if (raw.length == 0) {
            return new Response(raw, 0, Map.of(), "");
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        Arrays.stream(lines).skip(1).forEach(line -> headers.put(
                line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT),
                line.substring(line.indexOf(':') + 1).trim()));
        return new Response(raw, Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(split + 4));
    }
}
