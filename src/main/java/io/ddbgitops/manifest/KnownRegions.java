package io.ddbgitops.manifest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The region names a manifest may use. The manifest package does not know the AWS SDK: the command line passes
 * in the SDK's region list. {@link #ANY} checks nothing (the loader's default, and {@code --allow-unknown-region}
 * for a region newer than the SDK).
 */
public record KnownRegions(Set<String> names) {
    public static final KnownRegions ANY = new KnownRegions(Set.of());

    public KnownRegions {
        names = Set.copyOf(names);
    }

    /** Why {@code region} is not a known one (with the closest known name), or empty when it is or nothing is checked. */
    public Optional<String> problem(String region) {
        if (names.isEmpty() || names.contains(region)) {
            return Optional.empty();
        }
        List<String> sorted = List.copyOf(new TreeSet<>(names));
        return Optional.of(Values.quote(region) + " is not an AWS region this version knows"
                + Suggestions.closest(region, sorted).map(s -> "; did you mean \"" + s + "\"?").orElse("")
                + " (--allow-unknown-region accepts a region newer than this build)");
    }
}
