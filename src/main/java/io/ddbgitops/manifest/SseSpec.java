package io.ddbgitops.manifest;

import java.util.Optional;

/** Server-side encryption: AES256 (AWS owned key) or KMS with an optional key id, ARN or alias. */
public record SseSpec(Type type, Optional<String> kmsKeyId) {
    public enum Type { AES256, KMS }
}
