package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules of {@code optional_spec.import} the schema cannot express or explain. The syntax is ImportTable's own
 * (botocore's model and https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html,
 * checked 2026-12-01): {@code S3Bucket} matches {@code ^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$}, a CSV delimiter is one
 * of {@code , ; : | \t} and space, a CSV header is printable ASCII without {@code "} or {@code ,}. ImportTable's
 * {@code TableCreationParameters} has no local secondary indexes, and a table is made either by an import or by a
 * restore, never both.
 */
final class ImportRules {
    static final String IMPORT = SemanticRules.OPTIONAL + "/import";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9A-Z]+[.\\-\\w]*[a-z0-9A-Z]+");
    private static final String DELIMITERS = ",;:|\t ";
    private static final Pattern HEADER = Pattern.compile("[\\x20-\\x21\\x23-\\x2B\\x2D-\\x7E]+");

    private final Checks checks;

    ImportRules(Checks checks) {
        this.checks = checks;
    }

    void check(JsonNode spec, JsonNode optional) {
        JsonNode s3 = optional.path("import");
        if (!s3.isObject()) {
            return;
        }
        if (Checks.present(optional.path("restore"))) {
            checks.add(IMPORT, "cannot be given with restore: a new table is made either by an import from S3 or by a "
                    + "restore; keep one of them");
        }
        if (Checks.present(optional.path("local_secondary_indexes"))) {
            checks.add(IMPORT, "cannot be given with local_secondary_indexes: ImportTable cannot create local "
                    + "secondary indexes (its TableCreationParameters have none) and they can only be made with the "
                    + "table; drop one of them");
        }
        Checks.text(s3.path("s3_bucket")).filter(b -> !BUCKET.matcher(b).matches()).ifPresent(b -> checks.add(
                IMPORT + "/s3_bucket", Values.quote(b) + " is not a bucket name: letters, digits, '.', '-' and '_', "
                        + "starting and ending with a letter or digit (give the bucket's name, not an s3:// URL)"));
        JsonNode csv = s3.path("csv");
        if (Checks.present(csv) && !"CSV".equals(s3.path("input_format").textValue())) {
            checks.add(IMPORT + "/csv", "is only for input_format CSV, not " + Values.quote(
                    s3.path("input_format").asText()));
        }
        Checks.text(csv.path("delimiter")).filter(d -> d.length() != 1 || DELIMITERS.indexOf(d.charAt(0)) < 0)
                .ifPresent(d -> checks.add(IMPORT + "/csv/delimiter", Values.quote(d)
                        + " is not allowed; the delimiter is one character: , ; : | a tab or a space"));
        headers(spec, optional, csv.path("header_list"));
    }

    /** Header names are CSV columns: allowed characters, each once, and the table's keys among them. */
    private void headers(JsonNode spec, JsonNode optional, JsonNode headers) {
        if (!headers.isArray()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String pointer = IMPORT + "/csv/header_list/" + i;
            Checks.text(headers.path(i)).ifPresent(h -> {
                if (!HEADER.matcher(h).matches()) {
                    checks.add(pointer, Values.quote(h) + " is not allowed in a CSV header: printable ASCII without "
                            + "'\"' or ','");
                } else if (!seen.add(h)) {
                    checks.add(pointer, Values.quote(h) + " is listed more than once");
                }
            });
        }
        for (JsonNode key : new JsonNode[] {spec.path("pri_key_attributename"),
                optional.path("sort_key_attributename")}) {
            Checks.text(key).filter(k -> !seen.contains(k)).ifPresent(k -> checks.add(IMPORT + "/csv/header_list",
                    "has no column for the key attribute " + Values.quote(k) + "; every item needs its key"));
        }
    }
}
