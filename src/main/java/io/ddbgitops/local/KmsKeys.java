package io.ddbgitops.local;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * KMS key ARNs for SSEDescription. There is no KMS here, so a key given by alias or id gets a made-up but stable
 * key ARN: the same name always yields the same ARN, as the same key would on AWS.
 */
final class KmsKeys {
    /** The key AWS uses when SSE is KMS without a key id: the AWS managed key for DynamoDB. */
    static final String AWS_MANAGED_ALIAS = "alias/aws/dynamodb";
    private static final Pattern KEY_ARN = Pattern.compile("arn:aws:kms:[a-z0-9-]+:\\d{12}:key/.+");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-f]{32}");

    private KmsKeys() {}

    static String keyArn(String keyIdOrAlias, String region) {
        if (KEY_ARN.matcher(keyIdOrAlias).matches()) {
            return keyIdOrAlias;
        }
        String keyId = KEY_ID.matcher(keyIdOrAlias).matches()
                ? keyIdOrAlias
                : UUID.nameUUIDFromBytes(aliasName(keyIdOrAlias).getBytes(StandardCharsets.UTF_8)).toString();
        return "arn:aws:kms:" + region + ":" + TableArns.ACCOUNT + ":key/" + keyId;
    }

    /** {@code arn:aws:kms:r:a:alias/x} and {@code alias/x} name the same key. */
    private static String aliasName(String value) {
        int alias = value.indexOf("alias/");
        return alias >= 0 ? value.substring(alias) : value;
    }
}
