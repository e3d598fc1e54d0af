package io.ddbgitops.manifest;

import java.util.List;

/** An index projection; {@code nonKeyAttributes} is only non-empty for INCLUDE. */
public record Projection(Type type, List<String> nonKeyAttributes) {
    public enum Type { ALL, KEYS_ONLY, INCLUDE }

    public Projection {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    public static Projection all() {
        return new Projection(Type.ALL, List.of());
    }
}
