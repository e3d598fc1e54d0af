package io.ddbgitops.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A named AWS account from the repository config: its 12-digit id and the role to assume there (with STS), with
 * an optional external id and session name. {@code external_id} is passed to STS only; it is never logged.
 */
public record Account(String name, String accountId, String roleArn, Optional<String> externalId,
                      Optional<String> sessionName) {
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(sessionName, "sessionName");
    }

    /** Without the external id, which some teams treat as confidential. */
    @Override
    public String toString() {
        return "Account[" + name + ", " + accountId + ", " + roleArn + "]";
    }
}
