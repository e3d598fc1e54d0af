package io.ddbgitops.local;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which roles the endpoint's STS lets a caller assume. Until a role is registered every well-formed role may be
 * assumed (a local endpoint has no IAM to ask); once any is, only registered roles, each with the external id its
 * trust policy demands (none: an external id is not checked), as a role's trust policy with an
 * {@code sts:ExternalId} condition behaves on AWS. Anything else is AccessDenied.
 */
public final class StsRoles {
    private final Map<String, Optional<String>> trusted = new ConcurrentHashMap<>();

    /** Lets callers assume {@code roleArn}, only with this external id when one is given. */
    public void trust(String roleArn, Optional<String> externalId) {
        trusted.put(roleArn, externalId);
    }

    boolean mayAssume(String roleArn, Optional<String> externalId) {
        if (trusted.isEmpty()) {
            return true;
        }
        Optional<String> required = trusted.get(roleArn);
        return required != null && (required.isEmpty() || required.equals(externalId));
    }
}
