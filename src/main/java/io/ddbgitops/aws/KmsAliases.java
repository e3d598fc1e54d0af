package io.ddbgitops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ddbgitops.manifest.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KMS ListAliases (TrentService, JSON 1.1), to resolve a manifest's key alias to the key ARN DescribeTable reports:
 * alias name to key ARN, per account and region, read once per run. The SDK's KMS client is not available to this build
 * (software.amazon.awssdk:kms is not in the repository it resolves from), so this one read-only call is made with the
 * SDK's own HTTP client and SigV4 signer. Any failure (no KMS, access denied, timeout) is "could not be read": the
 * planner then says it cannot compare the key, never guesses.
 */
final class KmsAliases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KmsAliases.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClients clients;
    private final Map<String, Optional<Map<String, String>>> byRegion = new ConcurrentHashMap<>();
    private final SdkHttpClient http;

    KmsAliases(DynamoDbClients clients) {
        this.clients = clients;
        AwsSettings.CallTimeouts timeouts = clients.settings().timeouts();
        this.http = ApacheHttpClient.builder().connectionTimeout(timeouts.connect()).socketTimeout(timeouts.read())
                .build();
    }

    /** Alias name ({@code alias/x}) to key ARN in the table's account and region; empty when KMS could not be asked. */
    Optional<Map<String, String>> of(TableId table) {
        return byRegion.computeIfAbsent(table.account() + "/" + table.region(),
                k -> list(table.account(), table.region()));
    }

    private Optional<Map<String, String>> list(String account, String region) {
        try {
            Map<String, String> aliases = new HashMap<>();
            Optional<String> marker = Optional.empty();
            do {
                ObjectNode request = JSON.createObjectNode();
                marker.ifPresent(m -> request.put("Marker", m));
                JsonNode page = call(account, region, "TrentService.ListAliases", request);
                for (JsonNode alias : page.path("Aliases")) {
                    String arn = alias.path("AliasArn").asText();
                    String keyId = alias.path("TargetKeyId").asText("");
                    int at = arn.indexOf(":alias/");
                    if (!keyId.isEmpty() && at > 0) {
                        aliases.put(alias.path("AliasName").asText(), arn.substring(0, at) + ":key/" + keyId);
                    }
                }
                marker = page.path("Truncated").asBoolean() ? Optional.of(page.path("NextMarker").asText())
                        : Optional.empty();
            } while (marker.isPresent());
            return Optional.of(aliases);
        } catch (IOException | RuntimeException e) {
            LOG.debug("KMS ListAliases in {} could not be read: {}", region, e.toString());
            return Optional.empty();
        }
    }

    private JsonNode call(String account, String region, String target, ObjectNode body) throws IOException {
        URI endpoint = clients.settings().endpoint().orElse(URI.create("https://kms." + region + ".amazonaws.com"));
        byte[] payload = JSON.writeValueAsBytes(body);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1").putHeader("X-Amz-Target", target).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(clients.credentials(account).resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        byte[] answer;
        try (InputStream in = response.responseBody().orElseThrow(() -> new IOException("empty KMS answer"))) {
            answer = in.readAllBytes();
        }
        if (!response.httpResponse().isSuccessful()) {
            throw new IOException("KMS answered HTTP " + response.httpResponse().statusCode() + ": "
                    + JSON.readTree(answer).path("__type").asText("?"));
        }
        return JSON.readTree(new String(answer, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        http.close();
    }
}
