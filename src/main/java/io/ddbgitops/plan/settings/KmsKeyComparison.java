package io.ddbgitops.plan.settings;

import io.ddbgitops.manifest.SseSpec;
import io.ddbgitops.plan.Fields;
import io.ddbgitops.plan.ObservedTable;

import io.ddbgitops.manifest.TableManifest;

import java.util.Map;
import java.util.Optional;

/**
 * The KMS key a manifest names, as the key ARN DescribeTable reports ({@code SSEDescription.KMSMasterKeyArn}), so
 * that swapping one customer key for another is seen. A key ARN is itself; a key id becomes an ARN in the table's
 * partition, region and account; an alias (or alias ARN, or no key at all: AWS's {@code alias/aws/dynamodb}) is looked
 * up in what KMS ListAliases said. When that is not possible the key "cannot be compared": only the encryption type
 * is, and the plan warns.
 */
public final class KmsKeyComparison {
    static final String AWS_MANAGED_ALIAS = "alias/aws/dynamodb";

    /** The value to compare the live {@link Fields#SSE} with, and the warning when the key could not be resolved. */
    public record Wanted(String value, Optional<String> warning) {
        /**
         * The previous report as if it had recorded the resolved key: a table created from this manifest recorded
         * the manifest's own text (nothing could be resolved before the table existed), so a key swapped outside
         * git since then is drift, not a change in git.
         */
        public Map<String, String> recorded(Map<String, String> previouslyApplied, TableManifest manifest) {
            String unresolved = manifest.options().sse().map(Fields::sse).orElse("");
            if (!unresolved.equals(previouslyApplied.get(Fields.SSE)) || value.equals(unresolved)) {
                return previouslyApplied;
            }
            Map<String, String> upgraded = new java.util.TreeMap<>(previouslyApplied);
            upgraded.put(Fields.SSE, value);
            return upgraded;
        }
    }

    private KmsKeyComparison() {}

    public static Wanted of(SseSpec sse, ObservedTable live) {
        if (sse.type() != SseSpec.Type.KMS) {
            return new Wanted(Fields.sse(sse), Optional.empty());
        }
        String key = sse.kmsKeyId().orElse(AWS_MANAGED_ALIAS);
        Optional<String> arn = resolve(key, live);
        if (arn.isPresent()) {
            return new Wanted("KMS " + arn.get(), Optional.empty());
        }
        String why = live.settings().kmsAliases().isEmpty()
                ? "KMS ListAliases could not be read"
                : "KMS has no alias " + aliasName(key).orElse(key);
        boolean liveKms = live.sse().type() == SseSpec.Type.KMS;
        return new Wanted(SseSpec.Type.KMS.name(), liveKms ? Optional.of("cannot compare the KMS key of table "
                + live.id() + ": " + key + " could not be resolved to a key ARN (" + why + "); only the encryption "
                + "type was compared, and no change is planned for the key") : Optional.empty());
    }

    static Optional<String> resolve(String key, ObservedTable live) {
        if (key.startsWith("arn:") && key.contains(":key/")) {
            return Optional.of(key);
        }
        Optional<String> alias = aliasName(key);
        if (alias.isPresent()) {
            return live.settings().kmsAliases().flatMap(aliases -> Optional.ofNullable(aliases.get(alias.get())));
        }
        // a bare key id: the key lives in the table's own partition, region and account
        String[] table = live.arn().split(":", 6);
        return table.length < 6 ? Optional.empty()
                : Optional.of("arn:" + table[1] + ":kms:" + table[3] + ":" + table[4] + ":key/" + key);
    }

    /** {@code alias/x} for {@code alias/x} and {@code arn:aws:kms:r:a:alias/x}; empty for keys. */
    private static Optional<String> aliasName(String key) {
        int at = key.indexOf("alias/");
        return at >= 0 && (at == 0 || key.startsWith("arn:")) ? Optional.of(key.substring(at)) : Optional.empty();
    }
}
