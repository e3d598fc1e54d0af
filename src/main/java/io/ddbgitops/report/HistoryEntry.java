package io.ddbgitops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ddbgitops.plan.ChangeHistory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table's {@link ChangeHistory} as report.json keeps it (ISO-8601 UTC strings), so that rate limits counted over
 * a day or a month, and the time long work started, survive between runs.
 */
public record HistoryEntry(
        List<String> switchesToOnDemand,
        List<String> tableClassChanges,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> lastTtlChange,
        Map<String, String> inProgressSince) {

    public HistoryEntry {
        switchesToOnDemand = switchesToOnDemand == null ? List.of() : List.copyOf(switchesToOnDemand);
        tableClassChanges = tableClassChanges == null ? List.of() : List.copyOf(tableClassChanges);
        lastTtlChange = lastTtlChange == null ? Optional.empty() : lastTtlChange;
        inProgressSince = inProgressSince == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(inProgressSince));
    }

    public static Optional<HistoryEntry> of(ChangeHistory h) {
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> since = new TreeMap<>();
        h.inProgressSince().forEach((k, v) -> since.put(k, v.toString()));
        return Optional.of(new HistoryEntry(h.switchesToOnDemand().stream().map(Instant::toString).toList(),
                h.tableClassChanges().stream().map(Instant::toString).toList(),
                h.lastTimeToLiveChange().map(Instant::toString), since));
    }

    /** The history again; an unreadable time (a hand-edited report) is dropped rather than failing the run. */
    public ChangeHistory toHistory() {
        Map<String, Instant> since = new TreeMap<>();
        inProgressSince.forEach((k, v) -> parse(v).ifPresent(t -> since.put(k, t)));
        return new ChangeHistory(switchesToOnDemand.stream().flatMap(s -> parse(s).stream()).toList(),
                tableClassChanges.stream().flatMap(s -> parse(s).stream()).toList(),
                lastTtlChange.flatMap(HistoryEntry::parse), since);
    }

    private static Optional<Instant> parse(String value) {
        try {
            return Optional.of(Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
