package io.ddbgitops.config;

import java.util.Objects;

/**
 * A name pattern for table names and manifest paths: {@code *} matches any run of characters (also none, and
 * also {@code /}), {@code ?} exactly one, everything else itself, case-sensitively as DynamoDB compares table
 * names. Table names cannot hold {@code *} or {@code ?}, so there is nothing to escape. Matching backtracks only
 * to the last star, never through a regex, so a hostile pattern cannot make it slow.
 */
public record Glob(String pattern) {
    public Glob {
        Objects.requireNonNull(pattern, "pattern");
    }

    public boolean matches(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int afterStar = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                afterStar = n;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++afterStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
