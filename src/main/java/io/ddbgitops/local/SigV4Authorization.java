package io.ddbgitops.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and rewrites the credential scope of a SigV4 {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, ...}).
 *
 * <p>DynamoDB Local keeps one database per access key and region. Replacing every access key with one fixed key
 * makes the state depend on the region only, as it does on AWS, whatever credentials a client happens to use.
 * DynamoDB Local does not verify signatures, so the rewritten header stays acceptable.
 */
final class SigV4Authorization {
    static final String LOCAL_ACCESS_KEY = "ddbgitopslocal";
    static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]*)/([^/]*)/([^/]*)/");

    private SigV4Authorization() {}

    static String region(Optional<String> authorization) {
        return authorization.map(CREDENTIAL::matcher).filter(Matcher::find).map(m -> m.group(3))
                .filter(r -> !r.isEmpty()).orElse(DEFAULT_REGION);
    }

    static Optional<String> normalised(Optional<String> authorization) {
        return authorization.map(header -> {
            Matcher m = CREDENTIAL.matcher(header);
            if (!m.find()) {
                return header;
            }
            return header.substring(0, m.start(1)) + LOCAL_ACCESS_KEY + header.substring(m.end(1));
        });
    }

    /** A header for the front's own calls to DynamoDB Local in the given region. */
    static String forRegion(String region) {
        return "AWS4-HMAC-SHA256 Credential=" + LOCAL_ACCESS_KEY + "/20250101/" + region
                + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
    }
}
