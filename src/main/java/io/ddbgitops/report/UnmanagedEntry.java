package io.ddbgitops.report;

/**
 * A live table in a managed region that no manifest declares: who owns it ({@code owner}, empty when it is not
 * ours), what was done ({@code action}: none, deleted, or failed) and why.
 */
public record UnmanagedEntry(String region, String table, String owner, String action, String message) {
    public static final String NONE = "none";
    public static final String DELETED = "deleted";
    public static final String FAILED = "failed";
}
