package io.ddbgitops.local;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARNs on the wire for an account other than {@value TableArns#ACCOUNT}. Each account is served by its own copy of
 * the single-account front ({@link AccountFronts}), which names everything {@code ...:000000000000:...}; this
 * puts the caller's account into the ARNs of an answer (tables, indexes, streams, backups, scaling targets, roles)
 * and takes it out of the ARNs of a request, so that a backup ARN the client was given is found again.
 * Item data is never touched: the data-plane operations, whose bodies carry the user's items, pass as they are.
 */
final class AccountArns {
    private static final Pattern ENDPOINT_ARN = Pattern.compile(
            "(arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:)" + TableArns.ACCOUNT + "(:)");
    private static final Set<String> ITEM_OPERATIONS = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem",
            "Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems",
            "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction", "GetRecords");

    private AccountArns() {}

    /** True when the operation's bodies may hold ARNs to map and never hold items. */
    static boolean maps(String account, String operation) {
        return !account.equals(TableArns.ACCOUNT) && !ITEM_OPERATIONS.contains(operation);
    }

    /** The endpoint's ARNs as the account sees them. */
    static byte[] toAccount(byte[] body, String account) {
        String text = new String(body, StandardCharsets.UTF_8);
        return ENDPOINT_ARN.matcher(text).replaceAll("$1" + account + "$2").getBytes(StandardCharsets.UTF_8);
    }

    /** The account's ARNs as its front knows them. */
    static byte[] fromAccount(byte[] body, String account) {
        Pattern own = Pattern.compile("(arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:)" + account + "(:)");
        String text = new String(body, StandardCharsets.UTF_8);
        return own.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(TableArns.ACCOUNT) + "$2")
                .getBytes(StandardCharsets.UTF_8);
    }
}
