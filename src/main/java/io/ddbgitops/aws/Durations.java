package io.ddbgitops.aws;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as users write them: whole seconds ({@code 90}) or ISO-8601 ({@code PT15M}). */
public final class Durations {
    private Durations() {}

    public static Duration parse(String text) {
        String t = text.strip();
        try {
            Duration d = t.chars().allMatch(Character::isDigit) && !t.isEmpty()
                    ? Duration.ofSeconds(Long.parseLong(t)) : Duration.parse(t);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("\"" + text + "\" must be longer than zero");
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration: give seconds (e.g. 900) or an"
                    + " ISO-8601 duration (e.g. PT15M)");
        }
    }

    /** Compact and readable: 45s, 2m30s, 1h0m5s, 250ms. */
    public static String format(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        return (s / 3600) + "h" + (s % 3600) / 60 + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
}
