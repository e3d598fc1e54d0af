package io.ddbgitops.plan;

/**
 * One field that differs: its live value ({@code from}), the value it should have ({@code to}), what we do
 * about it ({@code action}: create, update, blocked, none) and why it differs ({@code cause}: git when the
 * manifest moved since the last applied report, drift when the live table moved away from what we applied).
 */
public record Change(String field, String from, String to, String action, Cause cause) {
    public enum Cause {
        GIT, DRIFT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
