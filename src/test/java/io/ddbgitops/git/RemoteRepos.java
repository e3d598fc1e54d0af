package io.ddbgitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Real repositories on disk that play the remote in tests, and a second "someone else" who pushes to them. */
final class RemoteRepos {
    static final PersonIdent SOMEONE_ELSE = new PersonIdent("Someone Else", "someone@example.com");

    private RemoteRepos() {}

    /** A bare repository whose {@code branch} holds one commit with {@code files}; HEAD points at {@code branch}. */
    static Path bareWith(Path dir, String branch, Map<String, String> files) throws IOException, GitAPIException {
        Path bare = dir.resolve("remote.git");
        Git.init().setBare(true).setInitialBranch(branch).setDirectory(bare.toFile()).call().close();
        Path seed = dir.resolve("seed");
        try (Git git = Git.init().setInitialBranch(branch).setDirectory(seed.toFile()).call()) {
            commitFiles(git, files, "seed");
            git.push().setRemote(bare.toString()).setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
        }
        return bare;
    }

    /** Someone else clones {@code branch} fully, commits {@code files} and pushes; returns their commit id. */
    static String pushAsSomeoneElse(Path remote, String branch, Map<String, String> files, Path workDir)
            throws IOException, GitAPIException {
        Path dir = Files.createTempDirectory(workDir, "someone-else");
        try (Git git = Git.cloneRepository().setURI(remote.toString()).setDirectory(dir.toFile()).setBranch(branch).call()) {
            RevCommit commit = commitFiles(git, files, "someone else's change");
            git.push().setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
            return commit.name();
        }
    }

    static RevCommit commitFiles(Git git, Map<String, String> files, String message) throws IOException, GitAPIException {
        Path root = git.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            git.add().addFilepattern(file.getKey()).call();
        }
        return git.commit().setMessage(message).setAuthor(SOMEONE_ELSE).setCommitter(SOMEONE_ELSE).setSign(false).call();
    }

    /** The head of {@code branch} on the remote, or empty when there is no such branch. */
    static Optional<String> head(Path remote, String branch) throws IOException {
        try (Git git = Git.open(remote.toFile())) {
            ObjectId id = git.getRepository().resolve(Constants.R_HEADS + branch);
            return Optional.ofNullable(id).map(ObjectId::name);
        }
    }

    /** The commits of {@code branch}, newest first. */
    static List<RevCommit> log(Path remote, String branch) throws IOException, GitAPIException {
        try (Git git = Git.open(remote.toFile())) {
            List<RevCommit> commits = new ArrayList<>();
            git.log().add(git.getRepository().resolve(Constants.R_HEADS + branch)).call().forEach(commits::add);
            return commits;
        }
    }

    /** The file's content at the tip of {@code branch}, or empty when it is absent. */
    static Optional<String> fileOn(Path remote, String branch, String path) throws IOException {
        try (Git git = Git.open(remote.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repo = git.getRepository();
            RevCommit tip = walk.parseCommit(repo.resolve(Constants.R_HEADS + branch));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, tip.getTree())) {
                return tree == null ? Optional.empty() : Optional.of(new String(repo.open(tree.getObjectId(0)).getBytes()));
            }
        }
    }
}
