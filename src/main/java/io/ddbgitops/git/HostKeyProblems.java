package io.ddbgitops.git;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Why the last host key was refused. The SSH layer only reports that the key "did not validate";
 * this carries our precise reason (unknown host, changed key, no known_hosts) to the error message.
 */
final class HostKeyProblems {
    private final AtomicReference<String> last = new AtomicReference<>();

    void report(String problem) {
        last.set(problem);
    }

    Optional<String> takeLast() {
        return Optional.ofNullable(last.getAndSet(null));
    }
}
