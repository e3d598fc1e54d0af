package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
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
 */
final class KmsOperations {
    static final String TARGET_PREFIX = "TrentService.";
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
                case "ListAliases" -> list(region);
                case "CreateAlias" -> create(region, request);
                default -> throw AwsException.unknownOperation(target);
            };
            LOG.debug("KMS {} in {} answered by the front", operation, region);
            return WireResponse.okJson11(answer);
        } catch (AwsException e) {
            return WireResponse.errorJson11(e);
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

    private ObjectNode list(String region) {
        Map<String, String> all = new TreeMap<>(aliases.getOrDefault(region, Map.of()));
        all.putIfAbsent(KmsKeys.AWS_MANAGED_ALIAS, keyId(KmsKeys.keyArn(KmsKeys.AWS_MANAGED_ALIAS, region)));
        ArrayNode list = Json.array();
        double now = clock.millis() / 1000.0;
        all.forEach((alias, keyId) -> list.addObject().put("AliasName", alias).put("AliasArn", aliasArn(region, alias))
                .put("TargetKeyId", keyId).put("CreationDate", now).put("LastUpdatedDate", now));
        ObjectNode answer = Json.object();
        answer.set("Aliases", list);
        return answer.put("Truncated", false);
    }

    private static String aliasArn(String region, String alias) {
        return "arn:aws:kms:" + region + ":" + TableArns.ACCOUNT + ":" + alias;
    }

    private static String keyId(String keyArn) {
        return keyArn.substring(keyArn.indexOf(":key/") + ":key/".length());
    }
}
