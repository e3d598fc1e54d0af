package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's tag rules, plus ours: the tool's ownership tag and its {@code ddb-gitops/} prefix are reserved.
 * Source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html (checked
 * 2026-12-01): key 1–128 and value 0–256 Unicode characters of letters, digits, white space and
 * {@code + - = . _ : / @}; at most 50 tags per resource; the {@code aws:} prefix cannot be assigned.
 */
final class TagRules {
    /** AWS's tags per table; the ownership tag takes one of them. */
    static final int AWS_MAX_TAGS = 50;
    static final int MAX_USER_TAGS = AWS_MAX_TAGS - 1;
    static final int MAX_VALUE = 256;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String CHARACTERS = "letters, digits, spaces and _ . : / = + - @";
    private static final int MAX_KEY = 128;
    private static final String OWN_PREFIX = TableManifest.OWNERSHIP_TAG_KEY.substring(
            0, TableManifest.OWNERSHIP_TAG_KEY.indexOf('/') + 1);

    private final Checks checks;

    TagRules(Checks checks) {
        this.checks = checks;
    }

    void check(JsonNode tags, String pointer) {
        if (tags.size() > MAX_USER_TAGS) {
            checks.add(pointer, "has " + tags.size() + " entries; at most " + MAX_USER_TAGS + " are allowed (AWS "
                    + "allows " + AWS_MAX_TAGS + " tags per table, and ddb-gitops adds its ownership tag "
                    + TableManifest.OWNERSHIP_TAG_KEY + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            String key = tag.getKey();
            String at = Pointers.child(pointer, key);
            if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY) {
                checks.add(at, "tag key " + Values.quote(key) + " must be 1–" + MAX_KEY + " characters long");
            } else if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                checks.add(at, "tag key " + Values.quote(key) + " uses the prefix aws:, which AWS reserves");
            } else if (key.regionMatches(true, 0, OWN_PREFIX, 0, OWN_PREFIX.length())) {
                checks.add(at, "tag key " + Values.quote(key) + " uses the prefix " + OWN_PREFIX + ", which is "
                        + "reserved for ddb-gitops (" + TableManifest.OWNERSHIP_TAG_KEY + " records which manifest "
                        + "owns the table)");
            } else if (!ALLOWED.matcher(key).matches()) {
                checks.add(at, "tag key " + Values.quote(key) + " may only hold " + CHARACTERS);
            } else {
                Checks.text(tag.getValue()).ifPresent(value -> value(value, at));
            }
        }
    }

    private void value(String value, String at) {
        if (value.codePointCount(0, value.length()) > MAX_VALUE) {
            checks.add(at, "tag value " + Values.quote(value) + " is longer than " + MAX_VALUE + " characters");
        } else if (!ALLOWED.matcher(value).matches()) {
            checks.add(at, "tag value " + Values.quote(value) + " may only hold " + CHARACTERS);
        }
    }
}
