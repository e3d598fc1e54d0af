package io.ddbgitops.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Makes sqlite4java's native library loadable. Maven publishes it as a bare .so, so the build puts it into the jar
 * under {@code native/}; a library inside a jar cannot be loaded, hence the copy to a temporary directory.
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

    private static Path unpack() {
        String resource = "/native/" + LIBRARY;
        try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Native library " + resource + " is not on the classpath;"
                        + " the build copies it there during generate-resources");
            }
            Path dir = Files.createTempDirectory("ddb-gitops-native-");
            // deleteOnExit runs in reverse order of registration: the file goes first, then its directory
            dir.toFile().deleteOnExit();
            Path target = dir.resolve(LIBRARY);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + resource + " to a temporary directory", e);
        }
    }
}
