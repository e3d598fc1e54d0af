package io.ddbgitops.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Optional;

/**
 * One field's difference: live value, wanted value, what is done about it, and why it differs (git or drift). A
 * blocked change carries {@code possible_at} when the time it becomes possible is known; a change in progress
 * carries {@code since} (ISO-8601 UTC).
 */
public record ChangeEntry(String field, String from, String to, String action, String cause,
                          @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> possibleAt,
                          @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> since) {

    public ChangeEntry {
        possibleAt = possibleAt == null ? Optional.empty() : possibleAt;
        since = since == null ? Optional.empty() : since;
    }

    public ChangeEntry(String field, String from, String to, String action, String cause) {
        this(field, from, to, action, cause, Optional.empty(), Optional.empty());
    }
}
