package io.ddbgitops.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and rewrites the credential scope of a SigV4 {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, ...}).
 *
 * <p>DynamoDB Local keeps one database per access key and region. The access key id names the account: exactly 12
 * digits is that account (what the endpoint's STS hands out for an assumed role), anything else (or no signature)
 * is {@value TableArns#ACCOUNT}. Each account gets one fixed key of its own towards DynamoDB Local
 * ({@link #engineKey}), so the state depends on account and region only, as it does on AWS, whatever credentials
 * a client happens to use. DynamoDB Local does not verify signatures, so the rewritten header stays acceptable.
 */
final class SigV4Authorization {
    static final String LOCAL_ACCESS_KEY = "ddbgitopslocal";
    static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]*)/([^/]*)/([^/]*)/([^/]*)/");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private SigV4Authorization() {}

    static String region(Optional<String> authorization) {
        return authorization.map(CREDENTIAL::matcher).filter(Matcher::find).map(m -> m.group(3))
                .filter(r -> !r.isEmpty()).orElse(DEFAULT_REGION);
    }

    /** The signing service of the credential scope ({@code dynamodb}, {@code sts}, ...); empty when unsigned. */
    static Optional<String> service(Optional<String> authorization) {
        return authorization.map(CREDENTIAL::matcher).filter(Matcher::find).map(m -> m.group(4));
    }

    /** The account a request is made in: a 12-digit access key id is that account; any other key the default. */
    static String account(Optional<String> authorization) {
        return accessKey(authorization).filter(key -> ACCOUNT_ID.matcher(key).matches()).orElse(TableArns.ACCOUNT);
    }

    static Optional<String> accessKey(Optional<String> authorization) {
        return authorization.map(CREDENTIAL::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    /**
     * The key DynamoDB Local sees for an account: the default account keeps the key it always had (so existing data
     * directories still open), every other account has its own, so its tables live in their own databases.
     */
    static String engineKey(String account) {
        return account.equals(TableArns.ACCOUNT) ? LOCAL_ACCESS_KEY : LOCAL_ACCESS_KEY + account;
    }

    static Optional<String> normalised(Optional<String> authorization) {
        return normalised(authorization, LOCAL_ACCESS_KEY);
    }

    static Optional<String> normalised(Optional<String> authorization, String engineKey) {
        return authorization.map(header -> {
            Matcher m = CREDENTIAL.matcher(header);
            if (!m.find()) {
                return header;
            }
            return header.substring(0, m.start(1)) + engineKey + header.substring(m.end(1));
        });
    }

    /** A header for the front's own calls to DynamoDB Local in the given region, with the account's key. */
    static String forRegion(String region, String engineKey) {
        return "AWS4-HMAC-SHA256 Credential=" + engineKey + "/20250101/" + region
                + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
    }
}
