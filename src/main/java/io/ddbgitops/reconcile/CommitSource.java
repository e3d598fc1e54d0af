package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommitTree;
import io.ddbgitops.manifest.ManifestSource;
import io.ddbgitops.manifest.SourceEntry;

import java.io.IOException;
import java.util.Optional;

/**
 * The manifests of a fetched commit, read from git objects ({@link CommitTree}) by the manifest loader, which
 * keeps every rule of a directory on disk: links reported and never followed, limits checked before parsing.
 * The two packages do not know each other; this is where they meet.
 */
public final class CommitSource implements ManifestSource {
    private final CommitTree tree;

    public CommitSource(CommitTree tree) {
        this.tree = tree;
    }

    @Override
    public void walk(Walker walker) throws IOException {
        tree.walk(new CommitTree.Visitor() {
            @Override
            public boolean enter(String path) {
                return walker.enter(path);
            }

            @Override
            public void visit(CommitTree.Entry entry) {
                walker.visit(entry(entry));
            }
        });
    }

    @Override
    public Optional<SourceEntry> entry(String path) throws IOException {
        return tree.entry(path).map(CommitSource::entry);
    }

    @Override
    public long size(SourceEntry file) throws IOException {
        return tree.size(file.ref());
    }

    @Override
    public byte[] read(SourceEntry file, long maxBytes) throws IOException {
        return tree.read(file.ref(), maxBytes);
    }

    private static SourceEntry entry(CommitTree.Entry entry) {
        SourceEntry.Kind kind = switch (entry.kind()) {
            case FILE -> SourceEntry.Kind.FILE;
            case LINK -> SourceEntry.Kind.LINK;
            case FOLDER_LINK -> SourceEntry.Kind.FOLDER_LINK;
            case OTHER -> SourceEntry.Kind.OTHER;
        };
        return new SourceEntry(entry.path(), kind, entry.id());
    }
}
