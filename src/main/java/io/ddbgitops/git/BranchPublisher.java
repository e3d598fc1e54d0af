package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the report on one branch of the fetched repository and pushes it to "origin", with retry, without a
 * working tree: the new tree is the branch tip's tree with the report's paths replaced (DirCache + ObjectInserter).
 * Whatever the tip holds at those paths (a symbolic link at {@code drift/}, a folder where {@code report.json}
 * goes) is replaced as a tree entry; no link is ever followed, because no file of the repository is on disk.
 */
final class BranchPublisher {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(BranchPublisher.class);

    private final Git git;
    private final String branch;
    private final Remote remote;
    private final Path scratch;

    /** {@code scratch} is a private folder for the writer's files, inside the run's temporary directory. */
    BranchPublisher(Git git, String branch, Remote remote, Path scratch) {
        this.git = git;
        this.branch = branch;
        this.remote = remote;
        this.scratch = scratch;
    }

    PublishResult publish(String message, CommitAuthor author, boolean push, ReportWriter writer) throws GitException {
        for (int attempt = 1; ; attempt++) {
            Optional<String> commit = commitReport(message, author, writer);
            if (commit.isEmpty()) {
                return PublishResult.nothingToCommit(branch, attempt);
            }
            if (!push) {
                return PublishResult.committedNotPushed(commit.get(), branch, attempt);
            }
            PushOutcome outcome = push();
            if (outcome.pushed()) {
                return PublishResult.pushed(commit.get(), branch, attempt);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw outcome.lockMessage().map(this::locked).orElseGet(() -> new GitException("Gave up pushing branch '"
                        + branch + "' to " + remote.display() + " after " + MAX_ATTEMPTS
                        + " attempts: it kept moving while we committed"));
            }
            LOG.debug("Branch '{}' on {} {} (attempt {}); rebuilding the report on its head", branch, remote.display(),
                    outcome.lockMessage().isPresent() ? "is locked" : "moved", attempt);
            backOff(attempt);
            Optional<ObjectId> remoteHead = fetchRemoteHead();
            if (remoteHead.isPresent()) {
                moveTo(remoteHead.get());
            }
        }
    }

    /** A ref the server could not lock on every attempt: a push in progress there, or a lock file left behind. */
    private GitException locked(String serverMessage) {
        return new GitException(remote.redact("Could not push branch '" + branch + "' to " + remote.display()
                + ": the branch is locked on the server (" + serverMessage + ") on each of " + MAX_ATTEMPTS
                + " attempts. Another push may be holding it, or a stale lock file (refs/heads/" + branch
                + ".lock) was left in the server's repository; remove it there if no push is running"));
    }

    /** The new commit on the branch, or empty when the report's paths already hold what the writer wrote. */
    private Optional<String> commitReport(String message, CommitAuthor author, ReportWriter writer) throws GitException {
        Repository repo = git.getRepository();
        Path dir = null;
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            dir = Files.createTempDirectory(scratch, "report-");
            RevCommit tip = walk.parseCommit(repo.resolve(Constants.R_HEADS + branch));
            List<String> paths = write(writer, dir, new CommitTree(repo, tip.getTree()));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, walk.getObjectReader(), tip.getTree());
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (String path : paths) {
                stage(editor, inserter, dir, path);
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            if (tree.equals(tip.getTree())) {
                return Optional.empty();
            }
            PersonIdent ident = new PersonIdent(author.name(), author.email());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(tip);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            moveTo(id);
            return Optional.of(id.name());
        } catch (IOException e) {
            throw remote.failure("Could not commit the report on branch '" + branch + "'", e);
        } finally {
            if (dir != null) {
                TempCheckouts.delete(dir);
            }
        }
    }

    private List<String> write(ReportWriter writer, Path dir, CommitTree tip) throws GitException {
        try {
            return ReportPaths.checked(dir, List.copyOf(writer.write(dir, tip)));
        } catch (IOException e) {
            throw new GitException("Could not write the report for branch '" + branch + "': "
                    + remote.redact(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The path as the writer left it: a regular file replaces whatever the tree held there (a file or link on the
     * way is removed, a folder at the path is removed); a path the writer did not write is deleted from the tree.
     */
    private void stage(DirCacheEditor editor, ObjectInserter inserter, Path dir, String path) throws IOException {
        Path file = dir.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            editor.add(new DirCacheEditor.DeletePath(path));
            editor.add(new DirCacheEditor.DeleteTree(path));
            return;
        }
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(file));
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            editor.add(new DirCacheEditor.DeletePath(path.substring(0, slash)));
        }
        editor.add(new DirCacheEditor.DeleteTree(path));
        editor.add(new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
            }
        });
    }

    /** Whether the push went through; when the branch moved or was locked, we try again. */
    private record PushOutcome(boolean pushed, Optional<String> lockMessage) {
        static final PushOutcome PUSHED = new PushOutcome(true, Optional.empty());
        static final PushOutcome MOVED = new PushOutcome(false, Optional.empty());

        static PushOutcome locked(String message) {
            return new PushOutcome(false, Optional.of(message));
        }
    }

    /** Pushed, moved under us, or locked; throws on any other refusal. */
    private PushOutcome push() throws GitException {
        String ref = Constants.R_HEADS + branch;
        Iterable<PushResult> results;
        try {
            results = remote.configure(git.push().setRemote("origin").setRefSpecs(new RefSpec(ref + ":" + ref))).call();
        } catch (GitAPIException e) {
            throw remote.failure("Could not push branch '" + branch + "' to " + remote.display(), e);
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                switch (update.getStatus()) {
                    case OK, UP_TO_DATE -> { }
                    case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> { return PushOutcome.MOVED; }
                    case REJECTED_OTHER_REASON -> {
                        if (isLockFailure(update.getMessage())) {
                            return PushOutcome.locked(update.getMessage());
                        }
                        throw rejected(update);
                    }
                    default -> throw rejected(update);
                }
            }
        }
        return PushOutcome.PUSHED;
    }

    /** JGit says "failed to lock", git "cannot lock ref ...: Unable to create '...main.lock': File exists". */
    private static boolean isLockFailure(String message) {
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("lock");
    }

    private GitException rejected(RemoteRefUpdate update) {
        String reason = update.getMessage() == null ? "" : ": " + update.getMessage();
        return new GitException(remote.redact("Push of branch '" + branch + "' to " + remote.display() + " was rejected ("
                + update.getStatus() + ")" + reason));
    }

    /** Fetches the branch's current remote head (depth 1); empty when the branch is not on the remote. */
    Optional<ObjectId> fetchRemoteHead() throws GitException {
        if (!RemoteRefs.ofOrigin(git, remote).containsKey(Constants.R_HEADS + branch)) {
            return Optional.empty();
        }
        String tracking = Constants.R_REMOTES + "origin/" + branch;
        try {
            remote.configure(git.fetch().setRemote("origin").setDepth(1).setTagOpt(TagOpt.NO_TAGS)
                    .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + tracking))).call();
            return Optional.ofNullable(git.getRepository().resolve(tracking));
        } catch (GitAPIException | IOException e) {
            throw remote.failure("Could not fetch branch '" + branch + "' from " + remote.display(), e);
        }
    }

    /** Points the local branch at {@code commit} (the local repository is ours alone: no one else moves it). */
    void moveTo(ObjectId commit) throws GitException {
        try {
            RefUpdate update = git.getRepository().updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(commit);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                    && result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NO_CHANGE) {
                throw new GitException("Could not move branch '" + branch + "' to " + commit.name() + ": " + result);
            }
        } catch (IOException e) {
            throw remote.failure("Could not move branch '" + branch + "' to " + commit.name(), e);
        }
    }

    private static void backOff(int attempt) throws GitException {
        long millis = 50L * (1L << (attempt - 1)) + ThreadLocalRandom.current().nextLong(50);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("Interrupted while waiting to retry a push");
        }
    }
}
