package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What makes a document a manifest and gives it an identity: the exact kind, and a namespace/name that fits in
 * the ownership tag's value (AWS allows 256 characters in a tag value; see {@link TagRules} for the source),
 * so that a manifest AWS would refuse to tag fails here, not on every apply.
 */
final class IdentityRules {
    private IdentityRules() {
    }

    static void check(Checks checks, JsonNode document) {
        kind(checks, document.path("kind"));
        JsonNode metadata = document.path("metadata");
        Checks.text(metadata.path("name")).ifPresent(name -> {
            String namespace = Checks.text(metadata.path("namespace")).orElse(ManifestMapper.DEFAULT_NAMESPACE);
            String id = namespace + "/" + name;
            int length = id.codePointCount(0, id.length());
            if (length > TagRules.MAX_VALUE) {
                String pointer = metadata.has("namespace") && namespace.length() > name.length()
                        ? "/metadata/namespace" : "/metadata/name";
                checks.add(pointer, "namespace/name is " + length + " characters long; the ownership tag "
                        + TableManifest.OWNERSHIP_TAG_KEY + " holds it and AWS allows at most " + TagRules.MAX_VALUE
                        + " characters in a tag value");
            } else if (!Values.printable(id).equals(id)) {
                String pointer = Values.printable(name).equals(name) ? "/metadata/namespace" : "/metadata/name";
                checks.add(pointer, "must not hold control characters (such as a newline)");
            }
        });
    }

    private static void kind(Checks checks, JsonNode kind) {
        if (kind.isMissingNode() || kind.isNull()) {
            checks.add("/kind", "required field is missing; a " + YamlDocument.API_VERSION + " document without "
                    + "a kind is read as a manifest: write kind: " + YamlDocument.KIND + " (or the document's own kind)");
        } else if (kind.isTextual() && !kind.textValue().equals(YamlDocument.KIND)) {
            checks.add("/kind", Values.quote(kind.textValue()) + " is not " + YamlDocument.KIND + "; kind is "
                    + "case-sensitive: write kind: " + YamlDocument.KIND);
        }
    }
}
