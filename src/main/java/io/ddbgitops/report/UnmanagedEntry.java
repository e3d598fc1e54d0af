package io.ddbgitops.report;

/**
 * A live table in a managed region that no manifest declares: who owns it ({@code owner}, empty when it is not
 * ours), what was done ({@code action}: none, deleted, or failed) and why.
 * {@code account} is the account name it was listed in ({@code default}: the default credential chain's).
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"account", "region", "table", "owner", "action", "message"})
public record UnmanagedEntry(String region, String table, String owner, String action, String message,
                             String account) {
    public static final String NONE = "none";
    public static final String DELETED = "deleted";
    public static final String FAILED = "failed";

    public UnmanagedEntry {
        // a report written before accounts existed listed the default credential chain's account only
        account = account == null ? io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT : account;
    }

    /** A table in the default credential chain's account. */
    public UnmanagedEntry(String region, String table, String owner, String action, String message) {
        this(region, table, owner, action, message, io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT);
    }

    /** {@code region/table}, prefixed with {@code account:} when the report shows accounts. */
    public String where(boolean withAccount) {
        return (withAccount ? account + ":" : "") + region + "/" + table;
    }
}
