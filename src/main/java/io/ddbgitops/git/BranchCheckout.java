package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One local branch checked out from the remote "origin": writes, commits and pushes the report with retry. */
final class BranchCheckout {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(BranchCheckout.class);

    private final Git git;
    private final String branch;
    private final Remote remote;

    BranchCheckout(Git git, String branch, Remote remote) {
        this.git = git;
        this.branch = branch;
        this.remote = remote;
    }

    Path root() {
        return git.getRepository().getWorkTree().toPath();
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
                resetTo(remoteHead.get());
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

    private Optional<String> commitReport(String message, CommitAuthor author, ReportWriter writer) throws GitException {
        stage(ReportPaths.checked(root(), write(writer)));
        if (indexMatchesHead()) {
            return Optional.empty();
        }
        PersonIdent ident = new PersonIdent(author.name(), author.email());
        try {
            RevCommit commit = git.commit().setMessage(message).setAuthor(ident).setCommitter(ident)
                    .setSign(false).setNoVerify(true).call();
            return Optional.of(commit.name());
        } catch (GitAPIException e) {
            throw remote.failure("Could not commit the report on branch '" + branch + "'", e);
        }
    }

    private List<String> write(ReportWriter writer) throws GitException {
        try {
            return List.copyOf(writer.write(root()));
        } catch (IOException e) {
            throw new GitException("Could not write the report into the checkout of branch '" + branch + "': " + remote.redact(String.valueOf(e.getMessage())));
        }
    }

    private void stage(List<String> paths) throws GitException {
        List<String> present = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String path : paths) {
            (Files.exists(root().resolve(path)) ? present : deleted).add(path);
        }
        try {
            if (!present.isEmpty()) {
                var add = git.add();
                present.forEach(add::addFilepattern);
                add.call();
            }
            if (!deleted.isEmpty()) {
                var rm = git.rm().setCached(true);
                deleted.forEach(rm::addFilepattern);
                rm.call();
            }
        } catch (GitAPIException e) {
            throw remote.failure("Could not stage the report files " + paths, e);
        }
    }

    private boolean indexMatchesHead() throws GitException {
        Repository repo = git.getRepository();
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId indexTree = repo.readDirCache().writeTree(inserter);
            inserter.flush();
            return indexTree.equals(repo.resolve(Constants.HEAD + "^{tree}"));
        } catch (IOException e) {
            throw remote.failure("Could not compare the index with HEAD on branch '" + branch + "'", e);
        }
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

    void resetTo(ObjectId commit) throws GitException {
        try {
            git.reset().setMode(ResetType.HARD).setRef(commit.name()).call();
        } catch (GitAPIException e) {
            throw remote.failure("Could not reset branch '" + branch + "' to " + commit.name(), e);
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

    /** Releases the repository; only for checkouts that own their repository (report branches). */
    void close() {
        git.close();
    }
}
