package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KMS stand-in on the endpoint's port ({@code X-Amz-Target: TrentService.*}, JSON 1.1; botocore's kms
 * service-2.json, checked 2026-12-01): ListAliases and CreateAlias, enough for a client to resolve an alias to the
 * key ARN DescribeTable reports. An alias names the key CreateAlias gave it; an alias never created names the key
 * {@link KmsKeys} makes up for it, as SSESpecification does, and is listed once a table used it. Aliases live in
 * memory only: a restarted endpoint lists the AWS managed alias and the aliases used since.
 *
 * <p>ListAliases pages as KMS does (API reference, ListAliases, and botocore's kms paginators-1.json, checked
 * 2026-12-01): {@code Limit} 1–1000 by the model, yet KMS returns at most 100 per page and 50 when it is absent;
 * {@code Truncated} always, {@code NextMarker} only when truncated; {@code KeyId} (key id or key ARN) keeps the aliases
 * of that key. There are no keys here to look up, so a KeyId no alias targets lists nothing rather than answering
 * NotFoundException.
 */
final class KmsOperations {
    static final String TARGET_PREFIX = "TrentService.";
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(KmsOperations.class);

    /** region → alias name → key id */
    private final Map<String, Map<String, String>> aliases = new ConcurrentHashMap<>();
    private final Clock clock;

    KmsOperations(Clock clock) {
        this.clock = clock;
    }

    static boolean handles(String target) {
        return target.startsWith(TARGET_PREFIX);
    }

    WireResponse answer(String target, String region, byte[] body) {
        String operation = target.substring(TARGET_PREFIX.length());
        try {
            ObjectNode request = Json.parseRequest(body);
            ObjectNode answer = switch (operation) {
                case "ListAliases" -> list(region, request);
                case "CreateAlias" -> create(region, request);
                default -> throw AwsException.unknownOperation(target);
            };
            LOG.debug("KMS {} in {} answered by the front", operation, region);
            return WireResponse.okJson11(answer);
        } catch (AwsException e) {
            return WireResponse.errorKms(e);
        }
    }

    /** The key ARN SSESpecification's KMSMasterKeyId names; an alias used here is listed from now on. */
    String keyArn(String keyIdOrAlias, String region) {
        int at = keyIdOrAlias.indexOf("alias/");
        if (at < 0 || (at > 0 && !keyIdOrAlias.startsWith("arn:"))) {
            return KmsKeys.keyArn(keyIdOrAlias, region);
        }
        String alias = keyIdOrAlias.substring(at);
        Map<String, String> regional = aliases.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
        String keyId = regional.computeIfAbsent(alias, a -> keyId(KmsKeys.keyArn(a, region)));
        return KmsKeys.keyArn(keyId, region);
    }

    private ObjectNode create(String region, ObjectNode request) {
        String alias = Json.requiredText(request, "AliasName");
        String target = Json.requiredText(request, "TargetKeyId");
        Map<String, String> regional = aliases.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
        if (regional.putIfAbsent(alias, keyId(KmsKeys.keyArn(target, region))) != null) {
            throw new AwsException("AlreadyExistsException", "An alias with the name " + aliasArn(region, alias)
                    + " already exists");
        }
        return Json.object();
    }

    private ObjectNode list(String region, ObjectNode request) {
        int page = limit(request).map(l -> Math.min(l, MAX_PAGE)).orElse(DEFAULT_PAGE);
        NavigableMap<String, String> all = new TreeMap<>(aliases.getOrDefault(region, Map.of()));
        all.putIfAbsent(KmsKeys.AWS_MANAGED_ALIAS, keyId(KmsKeys.keyArn(KmsKeys.AWS_MANAGED_ALIAS, region)));
        Optional<String> ofKey = Json.text(request, "KeyId").map(k -> keyId(KmsKeys.keyArn(k, region)));
        NavigableMap<String, String> rest = Json.text(request, "Marker").map(m -> all.tailMap(markerAlias(m), true))
                .orElse(all);
        ArrayNode list = Json.array();
        double now = clock.millis() / 1000.0;
        Optional<String> next = Optional.empty();
        for (Map.Entry<String, String> alias : rest.entrySet()) {
            if (ofKey.isPresent() && !ofKey.get().equals(alias.getValue())) {
                continue;
            }
            if (list.size() == page) {
                next = Optional.of(alias.getKey());
                break;
            }
            list.addObject().put("AliasName", alias.getKey()).put("AliasArn", aliasArn(region, alias.getKey()))
                    .put("TargetKeyId", alias.getValue()).put("CreationDate", now).put("LastUpdatedDate", now);
        }
        ObjectNode answer = Json.object();
        answer.set("Aliases", list);
        next.ifPresent(alias -> answer.put("NextMarker", marker(alias)));
        return answer.put("Truncated", next.isPresent());
    }

    /** The service's own constraint message, as KMS answers a value outside LimitType's 1–1000. */
    private static Optional<Integer> limit(ObjectNode request) {
        JsonNode limit = request.get("Limit");
        if (limit == null || limit.isNull()) {
            return Optional.empty();
        }
        int value = limit.asInt();
        if (value < 1 || value > MAX_LIMIT) {
            throw new AwsException("ValidationException", "1 validation error detected: Value '" + limit.asText()
                    + "' at 'limit' failed to satisfy constraint: Member must have value "
                    + (value < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_LIMIT));
        }
        return Optional.of(value);
    }

    /** A marker is opaque to clients: here, the next alias name, encoded. */
    private static String marker(String alias) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(alias.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The alias a marker resumes at. A marker this endpoint did not hand out is InvalidMarkerException (the message
     * is the model's description of that error: no message answered by KMS itself was found to copy).
     */
    private static String markerAlias(String marker) {
        try {
            String alias = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (alias.startsWith("alias/")) {
                return alias;
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below, as any other marker that is not ours
        }
        throw new AwsException("InvalidMarkerException",
                "The request was rejected because the marker that specifies where pagination should next begin is "
                        + "not valid.");
    }

    private static String aliasArn(String region, String alias) {
        return "arn:aws:kms:" + region + ":" + TableArns.ACCOUNT + ":" + alias;
    }

    private static String keyId(String keyArn) {
        return keyArn.substring(keyArn.indexOf(":key/") + ":key/".length());
    }
}
