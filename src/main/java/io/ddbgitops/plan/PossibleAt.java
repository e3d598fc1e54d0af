package io.ddbgitops.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How a blocked change says when it becomes possible: to the minute, rounded up so that the time shown is never
 * too early ("possible at 2026-11-23T04:00Z"); the report's {@code possible_at} holds the same instant.
 */
public final class PossibleAt {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private PossibleAt() {}

    public static Instant rounded(Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(at) ? at : minute.plus(1, ChronoUnit.MINUTES);
    }

    public static String text(Instant at) {
        return "possible at " + MINUTES.format(rounded(at));
    }

    /** The JSON form: ISO-8601 with seconds (RFC 3339), the same minute as the text. */
    public static String json(Instant at) {
        return rounded(at).toString();
    }
}
