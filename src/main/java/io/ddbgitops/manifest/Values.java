package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a value the user wrote is quoted back in an error message: never more than {@value #LONGEST} characters
 * of it, and control characters (a newline in a tag, say) escaped so one error stays on one line.
 */
final class Values {
    static final int LONGEST = 80;

    private Values() {
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "an empty value";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return quote(node.textValue());
        }
        return shorten(node.asText());
    }

    static String quote(String text) {
        return '"' + printable(shorten(text).replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
    }

    /** At most {@value #LONGEST} characters, with "..." when there were more. */
    static String shorten(String text) {
        return text.length() > LONGEST ? text.substring(0, LONGEST) + "..." : text;
    }

    /** Control characters as escapes ({@code \n}, {@code \t}, {@code \u0000}); the rest unchanged. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(escape == null ? String.valueOf(c) : escape);
            }
        }
        return out == null ? text : out.toString();
    }
}
