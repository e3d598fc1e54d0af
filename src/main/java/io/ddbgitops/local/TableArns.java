package io.ddbgitops.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table ARNs. DynamoDB Local names every table {@code arn:aws:dynamodb:ddblocal:000000000000:table/X}; the front
 * rewrites that to the request's region in the responses it passes on, and accepts both forms as input.
 */
final class TableArns {
    static final String ACCOUNT = "000000000000";
    static final String ENGINE_REGION = "ddblocal";
    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:aws:dynamodb:([a-z0-9-]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})");

    private TableArns() {}

    static String of(String region, String table) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + table;
    }

    /** The table an ARN names; DynamoDB Local's pseudo-region stands for the region of the request. */
    static Optional<TableKey> parse(String arn, String requestRegion) {
        Matcher m = TABLE_ARN.matcher(arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        String region = m.group(1).equals(ENGINE_REGION) ? requestRegion : m.group(1);
        return Optional.of(new TableKey(region, m.group(3)));
    }

    /** Rewrites DynamoDB Local's ARN prefix (tables, indexes, streams) to the real region. */
    static String toRegion(String engineArn, String region) {
        String enginePrefix = "arn:aws:dynamodb:" + ENGINE_REGION + ":";
        return engineArn.startsWith(enginePrefix)
                ? "arn:aws:dynamodb:" + region + ":" + engineArn.substring(enginePrefix.length())
                : engineArn;
    }

    /** Newer operations take a table name or its ARN wherever they take a TableName. */
    static TableKey nameOrArn(String value, String requestRegion) {
        if (value.startsWith("arn:")) {
            return parse(value, requestRegion)
                    .orElseThrow(() -> AwsException.validation("Invalid table ARN: " + value));
        }
        return new TableKey(requestRegion, value);
    }
}
