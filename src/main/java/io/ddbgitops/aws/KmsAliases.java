package io.ddbgitops.aws;

import io.ddbgitops.manifest.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KMS ListAliases, to resolve a manifest's key alias to the key ARN DescribeTable reports: alias name to key ARN, per
 * account and region, read once per run through the SDK's KMS client ({@link DynamoDbClients#kms}), all pages. Any
 * failure (no KMS, access denied, timeout) is "could not be read": the planner then says it cannot compare the key,
 * never guesses, and the run goes on.
 */
final class KmsAliases {
    private static final Logger LOG = LoggerFactory.getLogger(KmsAliases.class);

    private final DynamoDbClients clients;
    private final Map<String, Optional<Map<String, String>>> byRegion = new ConcurrentHashMap<>();

    KmsAliases(DynamoDbClients clients) {
        this.clients = clients;
    }

    /** Alias name ({@code alias/x}) to key ARN in the table's account and region; empty when KMS could not be asked. */
    Optional<Map<String, String>> of(TableId table) {
        return byRegion.computeIfAbsent(table.account() + "/" + table.region(),
                k -> list(table.account(), table.region()));
    }

    private Optional<Map<String, String>> list(String account, String region) {
        try {
            KmsClient kms = clients.kms(account, region);
            Map<String, String> aliases = new HashMap<>();
            for (AliasListEntry alias : kms.listAliasesPaginator().aliases()) {
                keyArn(alias).ifPresent(arn -> aliases.put(alias.aliasName(), arn));
            }
            return Optional.of(aliases);
        } catch (RuntimeException e) {
            LOG.debug("KMS ListAliases in {} could not be read: {}", region, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The key ARN is the alias ARN's account and region with the target key id. A predefined AWS alias not yet
     * associated with a key has no TargetKeyId (KMS API reference, ListAliases, checked 2026-12-01): no ARN.
     */
    static Optional<String> keyArn(AliasListEntry alias) {
        String arn = Optional.ofNullable(alias.aliasArn()).orElse("");
        int at = arn.indexOf(":alias/");
        return Optional.ofNullable(alias.targetKeyId()).filter(id -> !id.isEmpty() && at > 0)
                .map(id -> arn.substring(0, at) + ":key/" + id);
    }
}
