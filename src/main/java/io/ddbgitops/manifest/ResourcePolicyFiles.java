package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@code resource_policy: {file: PATH}}: reads the policy from a file beside the manifest, from the same
 * {@link ManifestSource} and under the same rules as manifests: inside the repository, no symbolic link anywhere on
 * the way (it could point at any file of the machine, whose content would reach DynamoDB and the report), a regular
 * file, and no bigger than a policy may be. The text then stands in the document where the mapping was, so the rest
 * of the checks and the mapper see one form only.
 */
final class ResourcePolicyFiles {
    static final String POINTER = SemanticRules.OPTIONAL + "/resource_policy";

    private ResourcePolicyFiles() {
    }

    /** Errors about the file (none: the document now holds the policy text, or had no file to read). */
    static List<ManifestError> resolve(ManifestSource source, String manifestName, YamlDocument document) {
        JsonNode optional = document.root().path("spec").path("optional_spec");
        JsonNode file = optional.path("resource_policy").path("file");
        if (!file.isTextual() || !(optional instanceof ObjectNode writable)) {
            return List.of();
        }
        SourceLocation at = document.locate(POINTER + "/file");
        String given = file.textValue();
        Optional<String> path = repoPath(manifestName, given);
        if (path.isEmpty()) {
            return List.of(error(at, Values.quote(given) + ": outside the repository; a policy file must be inside "
                    + "it, named relative to the manifest"));
        }
        try {
            Optional<SourceEntry> entry = source.entry(path.get());
            if (entry.isEmpty()) {
                return List.of(error(at, Values.quote(given) + ": no such file (a path through a symlink is not "
                        + "followed)"));
            }
            if (entry.get().kind() == SourceEntry.Kind.LINK || entry.get().kind() == SourceEntry.Kind.FOLDER_LINK) {
                return List.of(error(at, Values.quote(given) + ": symlink, not followed; a policy is read only "
                        + "from a regular file inside the repository"));
            }
            if (entry.get().kind() != SourceEntry.Kind.FILE) {
                return List.of(error(at, Values.quote(given) + ": not a regular file"));
            }
            byte[] bytes = source.read(entry.get(), ResourcePolicyText.MAX_BYTES);
            if (bytes.length > ResourcePolicyText.MAX_BYTES) {
                return List.of(error(new SourceLocation(path.get(), 1, 1), "the policy file is larger than "
                        + ResourcePolicyText.MAX_BYTES + " bytes (20 KB, whitespace counted), the most DynamoDB "
                        + "takes"));
            }
            String text = decode(bytes);
            Optional<ResourcePolicyText.Problem> problem = ResourcePolicyText.check(text);
            if (problem.isPresent()) {
                ResourcePolicyText.Problem p = problem.get();
                return List.of(error(new SourceLocation(path.get(), p.line(), p.column()), p.message()));
            }
            writable.put("resource_policy", text);
            return List.of();
        } catch (IOException e) {
            return List.of(error(at, Values.quote(given) + ": cannot read: " + e.getClass().getSimpleName()));
        }
    }

    /** The repo-relative path of {@code given} beside the manifest; empty when it is absolute or leaves the root. */
    static Optional<String> repoPath(String manifestName, String given) {
        if (given.isBlank() || given.startsWith("/") || given.contains("\\") || given.contains("\0")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        int slash = manifestName.lastIndexOf('/');
        if (slash > 0) {
            for (String part : manifestName.substring(0, slash).split("/")) {
                parts.addLast(part);
            }
        }
        for (String part : given.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8", e);
        }
    }

    private static ManifestError error(SourceLocation at, String message) {
        return new ManifestError(at, POINTER, message);
    }
}
