package io.ddbgitops.report;

/** One field's difference: live value, wanted value, what is done about it, and why it differs (git or drift). */
public record ChangeEntry(String field, String from, String to, String action, String cause) {
}
