package io.ddbgitops.lease;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items one repository and branch ({@code base}) uses in the lock table: a run's own lease, {@code base#lock} for
 * an unsharded run and {@code base#lock-I-of-N} for shard I of N, and the gate {@code base#fleet} that runs pass
 * through one at a time to take theirs ({@link Admission}). A run of N shards excludes every run lease of another N,
 * the unsharded one (N = 1) included.
 */
public record LeaseKeys(String base, int index, int count) {
    static final String LEASE = "lock";
    static final String GATE = "fleet";
    private static final Pattern SHARD = Pattern.compile("-(\\d{1,6})-of-(\\d{1,6})");

    public LeaseKeys {
        Objects.requireNonNull(base, "base");
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("no shard " + index + " of " + count);
        }
    }

    /** This run's own lease. */
    public String own() {
        return prefix() + (count == 1 ? "" : "-" + index + "-of-" + count);
    }

    /** The gate every writing run of this repository and branch passes to take its own lease. */
    public String gate() {
        return base + "#" + GATE;
    }

    /** Every run lease of this repository and branch starts so (and so may another branch's, see {@link #countOf}). */
    String prefix() {
        return base + "#" + LEASE;
    }

    /** The shard count of a run lease of this repository and branch (1 for an unsharded run); empty for any other key. */
    Optional<Integer> countOf(String key) {
        if (!key.startsWith(prefix())) {
            return Optional.empty();
        }
        String rest = key.substring(prefix().length());
        if (rest.isEmpty()) {
            return Optional.of(1);
        }
        Matcher m = SHARD.matcher(rest); // exactly: a branch "main#lock-x" has keys that start like main's
        return m.matches() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    /** Whether a run holding {@code key} must not work while this run does: it runs with another shard count. */
    boolean excludes(String key) {
        return countOf(key).filter(n -> n != count).isPresent();
    }
}
