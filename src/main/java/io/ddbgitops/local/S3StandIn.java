package io.ddbgitops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The S3 the endpoint's ImportTable reads: a directory on disk, each subdirectory a bucket and each regular file
 * under it an object whose key is its path relative to the bucket, with {@code /} between parts. Symbolic links are
 * not followed, so nothing outside the directory is ever read. Without a directory every bucket is missing.
 */
final class S3StandIn {
    /** One object: its key and where its bytes are. */
    record S3Object(String key, Path file) {}

    private volatile Optional<Path> root = Optional.empty();

    void setRoot(Optional<Path> directory) {
        root = directory.map(d -> d.toAbsolutePath().normalize());
    }

    Optional<Path> root() {
        return root;
    }

    /** The bucket's directory, if there is one of that name (never a name that leaves the root). */
    Optional<Path> bucket(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        return root.map(r -> r.resolve(name)).filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS));
    }

    /** The bucket's objects whose keys start with {@code prefix}, in key order, as S3's ListObjectsV2 gives them. */
    List<S3Object> objects(Path bucket, String prefix) {
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> new S3Object(key(bucket, f), f))
                    .filter(o -> o.key().startsWith(prefix))
                    .sorted(java.util.Comparator.comparing(S3Object::key))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the S3 stand-in bucket " + bucket, e);
        }
    }

    private static String key(Path bucket, Path file) {
        return bucket.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
