package io.ddbgitops.manifest;

import java.util.List;
import java.util.Optional;

/**
 * {@code optional_spec.import}: a new table is created by DynamoDB's ImportTable from the objects under an S3 prefix
 * instead of empty. Like {@code restore}, it only matters while the table does not exist. The shapes and limits are
 * ImportTable's ({@code S3BucketSource}, {@code InputFormat}, {@code InputCompressionType},
 * {@code InputFormatOptions.Csv}), https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html,
 * checked 2026-12-01. An absent compression is AWS's {@code NONE}.
 */
public record ImportSpec(String bucket, Optional<String> keyPrefix, Optional<String> bucketOwner, Format format,
                         Compression compression, Optional<String> csvDelimiter, Optional<List<String>> csvHeaders) {

    public enum Format { CSV, DYNAMODB_JSON, ION }

    public enum Compression { NONE, GZIP, ZSTD }

    public ImportSpec {
        csvHeaders = csvHeaders.map(List::copyOf);
    }

    /** {@code s3://bucket/prefix}, as the plan and the report name the source. */
    public String location() {
        return "s3://" + bucket + "/" + keyPrefix.orElse("");
    }

    /** The source as one line: location, format, compression and the bucket's owner when another account's. */
    public String describe() {
        return location() + " (" + format + ", " + compression + bucketOwner.map(o -> ", owner " + o).orElse("")
                + csvDelimiter.filter(d -> !d.equals(",")).map(d -> ", delimiter " + visible(d)).orElse("")
                + csvHeaders.map(h -> ", header " + String.join(",", h)).orElse("") + ")";
    }

    private static String visible(String delimiter) {
        return delimiter.equals("\t") ? "\\t" : delimiter.equals(" ") ? "space" : delimiter;
    }
}
