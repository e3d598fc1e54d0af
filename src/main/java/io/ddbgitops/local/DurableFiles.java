package io.ddbgitops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Writes of the front's state files that survive a kill -9 and a power cut: the new content goes to a temporary file
 * that is forced to disk, then renamed over the old one, and the directory is forced so the rename sticks. A reader
 * sees the old file or the new one, never half of one.
 */
final class DurableFiles {
    private static final String TEMP_SUFFIX = ".tmp";

    private DurableFiles() {}

    static void replace(Path file, byte[] content) {
        try {
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write local endpoint state " + file, e);
        }
    }

    static void delete(Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                forceDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete local endpoint state " + file, e);
        }
    }

    /** Temporary files a killed endpoint left behind; they were never renamed, so nothing refers to them. */
    static void sweepTemporaryFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up " + dir, e);
        }
    }

    /** Some file systems (and other systems than Linux) refuse to open a directory; there is nothing to force then. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort: the rename itself is already atomic
        }
    }
}
