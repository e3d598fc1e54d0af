package io.ddbgitops.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A temporary clone of the config repository: read it, then commit the report and push it back.
 * Clones are bare, shallow (depth 1) and single-branch: files are read from git objects ({@link #files()}) and the
 * report is committed from objects ({@link BranchPublisher}), so nothing is ever checked out. {@link #close()}
 * removes everything from disk, and so does a shutdown hook when the JVM is stopped first ({@link TempCheckouts}).
 */
public final class JGitWorkspace implements AutoCloseable {
    /** The largest file {@link #readFile} reads: far above any report, far below what could exhaust memory. */
    public static final int MAX_READ_BYTES = 32 * 1024 * 1024;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JGitWorkspace.class);
    private final Path tempDir;
    private final Thread removeOnShutdown;
    private final Remote remote;
    private final Git git;
    private final String branch;
    /** The branches published to in this run, each with its local ref already on the right start. */
    private final Map<String, BranchPublisher> publishers = new LinkedHashMap<>();
    private boolean closed;

    static {
        QuietSystemReader.install();
    }

    private JGitWorkspace(Path tempDir, Thread removeOnShutdown, Remote remote, Git git, String branch) {
        this.tempDir = tempDir;
        this.removeOnShutdown = removeOnShutdown;
        this.remote = remote;
        this.git = git;
        this.branch = branch;
    }

    /**
     * Clones {@code repo} (https/ssh/file URL or a local path) into a new temp dir; no branch = the remote's default.
     * User and password embedded in an https URL are used when {@code auth} has no HTTP credentials.
     */
    public static JGitWorkspace cloneRepo(String repo, Optional<String> branch, GitAuth auth) throws GitException {
        Objects.requireNonNull(auth, "auth");
        UrlCredentials url = UrlCredentials.split(repo);
        RepoLocation location = RepoLocation.parse(url.url());
        Path tempDir = TempCheckouts.create();
        Thread removeOnShutdown = TempCheckouts.removeOnShutdown(tempDir);
        Remote remote = new Remote(location, auth.withUrlCredentials(url.user(), url.password()).masking(url.queryValues()), tempDir.resolve("ssh-home"));
        try {
            String wanted = existingBranch(remote, branch);
            return new JGitWorkspace(tempDir, removeOnShutdown, remote, cloneInto(tempDir.resolve("repo.git"), remote, wanted), wanted);
        } catch (GitException | RuntimeException e) {
            remote.close();
            TempCheckouts.delete(tempDir);
            TempCheckouts.release(removeOnShutdown);
            throw e;
        }
    }

    /**
     * Checks {@code repo} as {@link #cloneRepo} will read it (a URL's form, a local path's existence), without
     * contacting it, so that a bad location fails before any work.
     */
    public static void checkLocation(String repo) throws GitException {
        RepoLocation.parse(UrlCredentials.split(repo).url());
    }

    private static String existingBranch(Remote remote, Optional<String> branch) throws GitException {
        Map<String, Ref> refs = RemoteRefs.of(remote);
        String wanted = branch.isPresent() ? branch.get() : RemoteRefs.defaultBranch(refs, remote.display());
        if (!refs.containsKey(Constants.R_HEADS + wanted)) {
            throw new GitException("Branch '" + wanted + "' does not exist in " + remote.display());
        }
        return wanted;
    }

    private static Git cloneInto(Path dir, Remote remote, String wanted) throws GitException {
        try {
            return remote.configure(Git.cloneRepository()
                    .setURI(remote.uri())
                    .setBare(true)
                    .setDirectory(dir.toFile())
                    .setBranch(Constants.R_HEADS + wanted)
                    .setBranchesToClone(List.of(Constants.R_HEADS + wanted))
                    .setCloneAllBranches(false)
                    .setDepth(1)
                    .setNoTags())
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw remote.failure("Could not clone branch '" + wanted + "' of " + remote.display(), e);
        }
    }

    /** The bare repository the branch was fetched into (there is no working tree). */
    public Path gitDir() {
        return git.getRepository().getDirectory().toPath();
    }

    /** The files of the cloned commit, read from git objects. */
    public CommitTree files() throws GitException {
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo)) {
            return new CommitTree(repo, walk.parseCommit(repo.resolve(Constants.HEAD)).getTree());
        } catch (IOException e) {
            throw remote.failure("Could not read the cloned commit", e);
        }
    }

    /** The branch that was cloned. */
    public String branch() {
        return branch;
    }

    /** The full sha of HEAD. */
    public String headCommit() {
        try {
            return git.getRepository().resolve(Constants.HEAD).name();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not resolve HEAD of the checkout", e);
        }
    }

    /**
     * A file as it is on {@code branch} of the remote; empty when the branch or the file does not exist, when it is
     * not a regular file (a symbolic link is never followed) or when it is larger than {@link #MAX_READ_BYTES}.
     */
    public Optional<String> readFile(String branch, String path) throws GitException {
        Optional<ObjectId> head = new BranchPublisher(git, branch, remote, tempDir).fetchRemoteHead();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        return readBlob(head.get(), path, "on branch '" + branch + "' of " + remote.display());
    }

    /** A file as the cloned commit holds it, with the rules of {@link #readFile}. */
    public Optional<String> readCommittedFile(String path) throws GitException {
        try {
            return readBlob(git.getRepository().resolve(Constants.HEAD), path, "in the cloned commit");
        } catch (IOException e) {
            throw remote.failure("Could not resolve HEAD of the checkout", e);
        }
    }

    private Optional<String> readBlob(ObjectId commit, String path, String where) throws GitException {
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo);
             TreeWalk tree = TreeWalk.forPath(repo, path, walk.parseCommit(commit).getTree())) {
            if (tree == null) {
                return Optional.empty();
            }
            FileMode mode = tree.getFileMode(0);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                LOG.warn("'{}' {} is not a regular file (mode {}); not read", path, where, mode);
                return Optional.empty();
            }
            return Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes(MAX_READ_BYTES), StandardCharsets.UTF_8));
        } catch (LargeObjectException e) {
            LOG.warn("'{}' {} is larger than {} bytes; not read", path, where, MAX_READ_BYTES);
            return Optional.empty();
        } catch (IOException e) {
            throw remote.failure("Could not read '" + path + "' " + where, e);
        }
    }

    /**
     * Fetches {@code baseRef} (a branch, {@code origin/<branch>}, a tag or a commit id) from the remote, finds where
     * HEAD forked from it (the merge base, fetching history as needed) and lists the files that differ between
     * that commit and HEAD: the branch's own changes, not what the base gained since. The merge base's versions
     * of the modified and deleted files can then be read with {@link #writeBaseFiles}.
     */
    public ChangedFiles changedFilesSince(String baseRef) throws GitException {
        RevCommit base = MergeBases.find(git, remote, branch, baseRef, BaseRefs.fetch(git, remote, baseRef));
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo)) {
            return TreeDiff.between(repo, base, walk.parseCommit(repo.resolve(Constants.HEAD)));
        } catch (IOException e) {
            throw remote.failure("Could not compare HEAD with base ref '" + baseRef + "'", e);
        }
    }

    /**
     * Writes the base commit's versions of the files that changed (modified or deleted) into a fresh directory
     * inside the workspace (removed by {@link #close()}) and returns it; paths are kept as in the repository.
     */
    public Path writeBaseFiles(ChangedFiles changes) throws GitException {
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo)) {
            Path dir = Files.createDirectories(tempDir.resolve("base"));
            TreeDiff.export(repo, walk.parseCommit(ObjectId.fromString(changes.baseCommit())), changes.changedAtBase(), dir);
            return dir;
        } catch (IOException | IllegalArgumentException e) {
            throw remote.failure("Could not read the base versions of the changed files", e);
        }
    }

    /**
     * Commits what {@code writer} writes (only those paths) and, if {@code push}, pushes it to {@code targetBranch}
     * (the cloned branch by default), retrying when the branch moved on the remote. Never force-pushes.
     */
    public PublishResult publish(String message, CommitAuthor author, Optional<String> targetBranch, boolean push,
                                 ReportWriter writer) throws GitException {
        String target = targetBranch.orElse(branch);
        if (push) {
            remote.location().requirePushableTo(target);
        }
        return publisher(target).publish(message, author, push, writer);
    }

    /**
     * The publisher of {@code target}, made once per run. The cloned branch starts at the cloned head; a report
     * branch at its remote head, or at the cloned head when it does not exist yet.
     */
    private BranchPublisher publisher(String target) throws GitException {
        BranchPublisher existing = publishers.get(target);
        if (existing != null) {
            return existing;
        }
        if (!target.equals(branch)) {
            Optional<String> invalid = BranchNames.problem(target);
            if (invalid.isPresent()) {
                throw new GitException("Cannot publish the report: " + invalid.get());
            }
        }
        BranchPublisher publisher = new BranchPublisher(git, target, remote, tempDir);
        if (!target.equals(branch)) {
            try {
                publisher.moveTo(publisher.fetchRemoteHead().orElse(git.getRepository().resolve(Constants.HEAD)));
            } catch (IOException e) {
                throw remote.failure("Could not prepare report branch '" + target + "'", e);
            }
        }
        publishers.put(target, publisher);
        return publisher;
    }

    /** Deletes the temp dir; safe to call more than once and after failures. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        git.close();
        remote.close();
        TempCheckouts.delete(tempDir);
        TempCheckouts.release(removeOnShutdown);
    }
}
