package io.ddbgitops.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Makes sqlite4java's native library loadable. Maven publishes it as a bare .so, so the build puts it into the jar
 * under {@code native/}; a library inside a jar cannot be loaded, hence the copy to a directory on disk.
 */
final class NativeLibraries {
    static final String LIBRARY_PATH_PROPERTY = "sqlite4java.library.path";
    private static final String LIBRARY = "libsqlite4java-linux-amd64.so";
    private static Path unpackedDir;

    private NativeLibraries() {}

    /** Unpacks the library once per JVM and points sqlite4java at it, unless the user already did. */
    static synchronized Path ensureSqlite4java() {
        String preset = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (unpackedDir == null && preset != null) {
            unpackedDir = Path.of(preset);
        }
        if (unpackedDir == null) {
            unpackedDir = unpack();
            System.setProperty(LIBRARY_PATH_PROPERTY, unpackedDir.toString());
        }
        return unpackedDir;
    }

    /**
     * One directory per library version in the user's cache ({@code $XDG_CACHE_HOME} or {@code ~/.cache}, as the XDG
     * base-directory convention says), {@code ddb-gitops/native-<sha256 prefix>}, reused by every JVM: a run leaves
     * nothing in the temp directory, even when it is killed. Only where the cache cannot be written (a read-only
     * home) does it fall back to {@code <tmpdir>/ddb-gitops-native-<user>-<sha256 prefix>}. A file whose content does
     * not match (a torn copy, tampering) is replaced; a directory another user owns is not used.
     */
    private static Path unpack() {
        byte[] library = libraryBytes();
        String hash = HexFormat.of().formatHex(sha256(library)).substring(0, 16);
        try {
            return unpackInto(cacheHome().resolve("ddb-gitops").resolve("native-" + hash), library);
        } catch (UncheckedIOException cacheUnwritable) {
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
            return unpackInto(Path.of(System.getProperty("java.io.tmpdir"), "ddb-gitops-native-" + user + "-" + hash),
                    library);
        }
    }

    static Path cacheHome() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".cache");
    }

    private static Path unpackInto(Path dir, byte[] library) {
        try {
            Files.createDirectories(dir);
            if (!Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
                throw new IOException(dir + " belongs to " + Files.getOwner(dir).getName());
            }
            Path target = dir.resolve(LIBRARY);
            if (!Files.isRegularFile(target) || !Arrays.equals(sha256(Files.readAllBytes(target)), sha256(library))) {
                Path temp = Files.createTempFile(dir, LIBRARY, ".tmp");
                Files.write(temp, library);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the sqlite4java native library to " + dir, e);
        }
    }

    private static byte[] libraryBytes() {
        String resource = "/native/" + LIBRARY;
        try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Native library " + resource + " is not on the classpath;"
                        + " the build copies it there during generate-resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
