package io.ddbgitops.local;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A fault the local endpoint can inject into a request, named on the command line and in the admin API by
 * {@link #wireName()}. The error faults answer exactly as DynamoDB does; the others act on the connection.
 */
public enum Fault {
    /** Data-plane calls get ProvisionedThroughputExceededException, control-plane calls ThrottlingException. */
    THROTTLE(false),
    /** HTTP 500 InternalServerError. */
    INTERNAL_ERROR(false),
    /** LimitExceededException, the answer to too many concurrent control-plane operations. */
    LIMIT_EXCEEDED(false),
    /** The request is handled normally; its answer is held back by the rule's delay. */
    LATENCY(true),
    /** The connection is closed without an answer, and the request is not handled. */
    DROP_CONNECTION(false),
    /** The request waits unread for the rule's delay before it is handled, like a server slow to accept. */
    SLOW_ACCEPT(true);

    private final boolean needsDelay;

    Fault(boolean needsDelay) {
        this.needsDelay = needsDelay;
    }

    /** {@code throttle}, {@code internal-error}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean needsDelay() {
        return needsDelay;
    }

    public static Optional<Fault> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(Fault::wireName).collect(Collectors.joining(", "));
    }
}
