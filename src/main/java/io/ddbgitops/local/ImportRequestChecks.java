package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What ImportTable refuses before it starts anything, with the constraints of botocore's model of the API
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html, checked 2026-12-01) in AWS's
 * usual "1 validation error detected" form. Measured against AWS (scylladb/scylladb test/alternator/test_import.py,
 * read 2026-12-01): a request without ClientToken is refused (the SDKs and the CLI always send one), and CSV options
 * with another format too.
 */
final class ImportRequestChecks {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9A-Z]+[.\\-\\w]*[a-z0-9A-Z]+");
    private static final List<String> FORMATS = List.of("DYNAMODB_JSON", "ION", "CSV");
    private static final List<String> COMPRESSIONS = List.of("GZIP", "ZSTD", "NONE");
    private static final String DELIMITERS = ",;:|\t ";

    private ImportRequestChecks() {}

    /** What ImportTable refuses before it starts anything, with AWS's constraint messages. */
    static void validate(ObjectNode request) {
        String token = Json.requiredText(request, "ClientToken");
        if (token.contains("$")) {
            throw constraint(token, "clientToken", "Member must satisfy regular expression pattern: ^[^\\$]+$");
        }
        JsonNode source = request.path("S3BucketSource");
        String bucket = Json.requiredText(source, "S3Bucket");
        if (bucket.length() > 255) {
            throw constraint(bucket, "s3BucketSource.s3Bucket", "Member must have length less than or equal to 255");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw constraint(bucket, "s3BucketSource.s3Bucket",
                    "Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
        }
        Json.text(source, "S3KeyPrefix").filter(p -> p.length() > 1024).ifPresent(p -> {
            throw constraint(p, "s3BucketSource.s3KeyPrefix", "Member must have length less than or equal to 1024");
        });
        Json.text(source, "S3BucketOwner").filter(o -> !o.matches("[0-9]{12}")).ifPresent(o -> {
            throw constraint(o, "s3BucketSource.s3BucketOwner", "Member must satisfy regular expression pattern: "
                    + "[0-9]{12}");
        });
        String format = Json.requiredText(request, "InputFormat");
        if (!FORMATS.contains(format)) {
            throw constraint(format, "inputFormat", "Member must satisfy enum value set: " + FORMATS);
        }
        Json.text(request, "InputCompressionType").filter(c -> !COMPRESSIONS.contains(c)).ifPresent(c -> {
            throw constraint(c, "inputCompressionType", "Member must satisfy enum value set: " + COMPRESSIONS);
        });
        JsonNode csv = request.path("InputFormatOptions").path("Csv");
        if (!csv.isMissingNode() && !format.equals("CSV")) {
            throw AwsException.validation("InputFormatOptions with Csv can only be given when InputFormat is CSV");
        }
        Json.text(csv, "Delimiter").filter(d -> d.length() != 1 || DELIMITERS.indexOf(d.charAt(0)) < 0)
                .ifPresent(d -> {
                    throw constraint(d, "inputFormatOptions.csv.delimiter",
                            "Member must satisfy regular expression pattern: [,;:|\\t ]");
                });
        JsonNode parameters = request.path("TableCreationParameters");
        if (!parameters.isObject()) {
            throw AwsException.validation("1 validation error detected: Value null at 'tableCreationParameters' "
                    + "failed to satisfy constraint: Member must not be null");
        }
    }

    private static AwsException constraint(String value, String member, String rule) {
        return AwsException.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + rule);
    }

}
