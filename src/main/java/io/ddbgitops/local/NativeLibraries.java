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
     * One directory per user and library version, {@code <tmpdir>/ddb-gitops-native-<user>-<sha256 prefix>}, reused
     * by every JVM: nothing is left behind per run, even when a JVM is killed. A file whose content does not match
     * (a torn copy, tampering) is replaced; a directory another user owns is not used.
     */
    private static Path unpack() {
        byte[] library = libraryBytes();
        String hash = HexFormat.of().formatHex(sha256(library)).substring(0, 16);
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ddb-gitops-native-" + user + "-" + hash);
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
