package io.ddbgitops.manifest;

import java.io.IOException;
import java.util.Optional;

/**
 * A source read by one thread at a time. The loader parses files on several threads, but a commit's tree is read
 * through one JGit object reader, which is not thread-safe; reading is the cheap part, so it is simply taken in turn.
 */
final class SerialSource implements ManifestSource {
    private final ManifestSource source;

    SerialSource(ManifestSource source) {
        this.source = source;
    }

    @Override
    public synchronized void walk(Walker walker) throws IOException {
        source.walk(walker);
    }

    @Override
    public synchronized Optional<SourceEntry> entry(String path) throws IOException {
        return source.entry(path);
    }

    @Override
    public synchronized long size(SourceEntry file) throws IOException {
        return source.size(file);
    }

    @Override
    public synchronized byte[] read(SourceEntry file, long maxBytes) throws IOException {
        return source.read(file, maxBytes);
    }
}
