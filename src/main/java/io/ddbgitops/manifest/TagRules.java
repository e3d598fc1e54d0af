package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** AWS's tag rules: key 1–128 and value 0–256 characters of letters, digits, spaces and _ . : / = + - @. */
final class TagRules {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String CHARACTERS = "letters, digits, spaces and _ . : / = + - @";
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;

    private final Checks checks;

    TagRules(Checks checks) {
        this.checks = checks;
    }

    void check(JsonNode tags, String pointer) {
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            String key = tag.getKey();
            String at = Pointers.child(pointer, key);
            if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY) {
                checks.add(at, "tag key " + Values.quote(key) + " must be 1–" + MAX_KEY + " characters long");
            } else if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                checks.add(at, "tag key " + Values.quote(key) + " uses the prefix aws:, which AWS reserves");
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
