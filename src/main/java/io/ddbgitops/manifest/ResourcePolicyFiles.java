package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code resource_policy: {file: PATH}}: reads the policy from a file beside the manifest, under the same rules as
 * manifests themselves ({@link ManifestFiles}): inside the repository, no symbolic link anywhere on the way (it
 * could point at any file of the machine, whose content would reach DynamoDB and the report), a regular file, and
 * no bigger than the policy may be. The text then stands in the document where the mapping was, so the rest of
 * the checks and the mapper see one form only.
 */
final class ResourcePolicyFiles {
    static final String POINTER = SemanticRules.OPTIONAL + "/resource_policy";

    private ResourcePolicyFiles() {
    }

    /** Errors about the file (none: the document now holds the policy text, or had no file to read). */
    static List<ManifestError> resolve(Path root, ManifestFiles.Candidate manifest, YamlDocument document) {
        JsonNode optional = document.root().path("spec").path("optional_spec");
        JsonNode file = optional.path("resource_policy").path("file");
        if (!file.isTextual() || !(optional instanceof ObjectNode writable)) {
            return List.of();
        }
        SourceLocation at = document.locate(POINTER + "/file");
        String given = file.textValue();
        Path base = walkedRoot(root);
        Path manifestDir = manifest.path().toAbsolutePath().normalize().getParent();
        Path wanted = manifestDir.resolve(given).normalize();
        Optional<String> refused = refused(given, base, wanted);
        if (refused.isPresent()) {
            return List.of(error(at, Values.quote(given) + ": " + refused.get()));
        }
        String name = ManifestFiles.relative(base, wanted);
        String text;
        try {
            text = read(wanted);
        } catch (IOException e) {
            return List.of(error(at, Values.quote(given) + ": cannot read: " + e.getClass().getSimpleName()));
        } catch (TooBig e) {
            return List.of(error(new SourceLocation(name, 1, 1), "the policy file is larger than "
                    + ResourcePolicyText.MAX_BYTES + " bytes (20 KB, whitespace counted), the most DynamoDB takes"));
        }
        Optional<ResourcePolicyText.Problem> problem = ResourcePolicyText.check(text);
        if (problem.isPresent()) {
            ResourcePolicyText.Problem p = problem.get();
            return List.of(error(new SourceLocation(name, p.line(), p.column()), p.message()));
        }
        writable.put("resource_policy", text);
        return List.of();
    }

    /** The root as {@link ManifestFiles} walked it: a link given as the root itself is followed once. */
    private static Path walkedRoot(Path root) {
        try {
            return (Files.isSymbolicLink(root) ? root.toRealPath() : root).toAbsolutePath().normalize();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    private static Optional<String> refused(String given, Path root, Path wanted) {
        if (given.isBlank() || Path.of(given).isAbsolute()) {
            return Optional.of("not a path relative to the manifest");
        }
        if (!wanted.startsWith(root)) {
            return Optional.of("outside the repository; a policy file must be inside it");
        }
        // every step from the root on must be a real directory or file, never a link
        Path step = root;
        for (Path part : root.relativize(wanted)) {
            step = step.resolve(part);
            if (Files.isSymbolicLink(step)) {
                return Optional.of("symlink, not followed; a policy is read only from a regular file inside the "
                        + "repository");
            }
        }
        if (!Files.exists(wanted, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("no such file");
        }
        if (!Files.isRegularFile(wanted, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not a regular file");
        }
        return Optional.empty();
    }

    private static String read(Path file) throws IOException, TooBig {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(ResourcePolicyText.MAX_BYTES + 1);
        }
        if (bytes.length > ResourcePolicyText.MAX_BYTES) {
            throw new TooBig();
        }
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

    private static final class TooBig extends Exception {
        TooBig() {
            super(null, null, false, false);
        }
    }
}
