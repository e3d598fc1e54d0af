package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * A second checkout for a report branch, so the cloned branch's checkout stays as it was.
 * JGit has no linked worktrees, so this is its own repository that borrows the clone's objects
 * (objects/info/alternates) and its shallow boundary; a new report branch starts at the cloned head.
 */
final class ReportCheckouts {
    private ReportCheckouts() {}

    static BranchCheckout create(Repository clone, Path dir, Remote remote, String target)
            throws GitException {
        Git git = null;
        try {
            Git.init().setDirectory(dir.toFile()).setInitialBranch(target).call().close();
            Path gitDir = dir.resolve(Constants.DOT_GIT);
            Path cloneGitDir = clone.getDirectory().toPath();
            Files.createDirectories(gitDir.resolve("objects/info"));
            Files.writeString(gitDir.resolve("objects/info/alternates"),
                    cloneGitDir.resolve("objects").toAbsolutePath() + "\n");
            if (Files.exists(cloneGitDir.resolve("shallow"))) {
                Files.copy(cloneGitDir.resolve("shallow"), gitDir.resolve("shallow"));
            }
            git = Git.open(dir.toFile());
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", remote.uri());
            config.setString("remote", "origin", "fetch",
                    "+" + Constants.R_HEADS + target + ":" + Constants.R_REMOTES + "origin/" + target);
            config.save();
            BranchCheckout checkout = new BranchCheckout(git, target, remote);
            ObjectId start = checkout.fetchRemoteHead().orElse(clone.resolve(Constants.HEAD));
            checkout.resetTo(start);
            return checkout;
        } catch (IOException | GitAPIException e) {
            closeQuietly(git);
            throw remote.failure("Could not prepare a checkout of report branch '" + target + "'", e);
        } catch (GitException | RuntimeException e) {
            closeQuietly(git);
            throw e;
        }
    }

    private static void closeQuietly(Git git) {
        if (git != null) {
            git.close();
        }
    }
}
