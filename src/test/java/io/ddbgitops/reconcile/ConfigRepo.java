package io.ddbgitops.reconcile;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real bare repository in a temp dir standing in for the team's config repository, plus a working clone the
 * test commits manifests through, the way a person would.
 */
public final class ConfigRepo implements AutoCloseable {
    private static final PersonIdent PERSON = new PersonIdent("Platform Team", "platform@example.com");
    private final Path dir;
    private final Path bare;
    private final Git work;

    private ConfigRepo(Path dir, Path bare, Git work) {
        this.dir = dir;
        this.bare = bare;
        this.work = work;
    }

    public static ConfigRepo create(Path dir) throws GitAPIException, IOException, java.net.URISyntaxException {
        Path bare = dir.resolve("config.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Git work = Git.init().setInitialBranch("main").setDirectory(dir.resolve("work").toFile()).call();
        work.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
        return new ConfigRepo(dir, bare, work);
    }

    /** The URL the job is given. */
    public String url() {
        return bare.toUri().toString();
    }

    /** Writes files (path → content; null content deletes), commits and pushes them to main. */
    public ConfigRepo commit(String message, Map<String, String> files) throws IOException, GitAPIException {
        pull();
        Path root = work.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            if (file.getValue() == null) {
                Files.deleteIfExists(path);
                work.rm().addFilepattern(file.getKey()).call();
            } else {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                work.add().addFilepattern(file.getKey()).call();
            }
        }
        work.commit().setMessage(message).setAuthor(PERSON).setCommitter(PERSON).call();
        work.push().setRemote("origin").add("main").call();
        return this;
    }

    /**
     * Commits symbolic links (path → link target, which may lie outside the repository; git stores each as a
     * mode-120000 entry) and pushes them to main. An existing file or directory at a path is replaced.
     */
    ConfigRepo commitLinks(String message, Map<String, Path> links) throws IOException, GitAPIException {
        pull();
        Path root = work.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, Path> link : links.entrySet()) {
            Path path = root.resolve(link.getKey());
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                work.rm().addFilepattern(link.getKey()).call();
                org.eclipse.jgit.util.FileUtils.delete(path.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE
                        | org.eclipse.jgit.util.FileUtils.SKIP_MISSING);
            }
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, link.getValue());
            work.add().addFilepattern(link.getKey()).call();
        }
        work.commit().setMessage(message).setAuthor(PERSON).setCommitter(PERSON).call();
        work.push().setRemote("origin").add("main").call();
        return this;
    }

    /** The git file mode of {@code path} at the tip of {@code branch} on the remote; empty when absent. */
    Optional<org.eclipse.jgit.lib.FileMode> mode(String branch, String path) throws IOException {
        try (Git remote = Git.open(bare.toFile()); var walk = new org.eclipse.jgit.revwalk.RevWalk(remote.getRepository())) {
            Repository repo = remote.getRepository();
            RevCommit head = walk.parseCommit(repo.resolve("refs/heads/" + branch));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, head.getTree())) {
                return tree == null ? Optional.empty() : Optional.of(tree.getFileMode(0));
            }
        }
    }

    private void pull() throws GitAPIException, IOException {
        if (hasRemoteMain()) {
            work.pull().setRemote("origin").setRemoteBranchName("main").call();
        }
    }

    private boolean hasRemoteMain() throws IOException {
        try (Repository repo = Git.open(bare.toFile()).getRepository()) {
            return repo.resolve("refs/heads/main") != null;
        }
    }

    /** Commit messages on the remote's main, newest first. */
    public List<String> log() throws IOException, GitAPIException {
        List<String> messages = new ArrayList<>();
        try (Git remote = Git.open(bare.toFile())) {
            for (RevCommit c : remote.log().add(remote.getRepository().resolve("refs/heads/main")).call()) {
                messages.add(c.getShortMessage());
            }
        }
        return messages;
    }

    /** The full id of the remote's main. */
    String head() throws IOException {
        try (Repository repo = Git.open(bare.toFile()).getRepository()) {
            return repo.resolve("refs/heads/main").name();
        }
    }

    /** A file as it is on the remote's main. */
    public Optional<String> read(String path) throws IOException {
        try (Git remote = Git.open(bare.toFile()); var walk = new org.eclipse.jgit.revwalk.RevWalk(remote.getRepository())) {
            Repository repo = remote.getRepository();
            RevCommit head = walk.parseCommit(repo.resolve("refs/heads/main"));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, head.getTree())) {
                return tree == null ? Optional.empty()
                        : Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Every version of a file on the remote's main, newest first (commits that do not have it are skipped). */
    public List<String> history(String path) throws IOException, GitAPIException {
        List<String> versions = new ArrayList<>();
        try (Git remote = Git.open(bare.toFile())) {
            Repository repo = remote.getRepository();
            for (RevCommit c : remote.log().add(repo.resolve("refs/heads/main")).call()) {
                try (TreeWalk tree = TreeWalk.forPath(repo, path, c.getTree())) {
                    if (tree != null) {
                        versions.add(new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return versions;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        work.close();
    }
}
