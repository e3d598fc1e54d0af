package io.ddbgitops.manifest;

import java.util.Objects;

/** A key attribute: its name and scalar type. */
public record KeyAttribute(String name, AttributeType type) {
    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
