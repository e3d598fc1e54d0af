package io.ddbgitops.lease;

import java.util.Optional;

/** Another run held the lease for longer than this run was willing to wait (exit code 4). */
public final class LeaseHeldException extends RuntimeException {
    private final Optional<LeaseHolder> holder;

    LeaseHeldException(String key, Optional<LeaseHolder> holder, String owner) {
        super("another run holds the lease on " + key + ": "
                + holder.map(LeaseHolder::describe).orElse("held by " + owner));
        this.holder = holder;
    }

    public Optional<LeaseHolder> holder() {
        return holder;
    }
}
