package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shallow clone of a pull request's branch compared with its base, named in each way REF may be given. */
class BaseRefIT {
    @TempDir
    Path dir;
    Path remote;
    String baseCommit;

    @BeforeEach
    void pullRequestBranch() throws Exception {
        remote = RemoteRepos.bareWith(dir, "main", Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 1\n", "gone.yaml", "x\n"));
        baseCommit = RemoteRepos.head(remote, "main").orElseThrow();
        try (Git git = Git.cloneRepository().setURI(remote.toString()).setDirectory(dir.resolve("pr").toFile()).call()) {
            git.checkout().setCreateBranch(true).setName("feature").call();
            RemoteRepos.commitFiles(git, Map.of("a.yaml", "a: 2\n", "new.yaml", "n: 1\n"), "change a, add new");
            git.rm().addFilepattern("gone.yaml").call();
            git.commit().setMessage("remove gone").setAuthor(RemoteRepos.SOMEONE_ELSE).setCommitter(RemoteRepos.SOMEONE_ELSE).call();
            git.push().setRefSpecs(new RefSpec("refs/heads/feature:refs/heads/feature")).call();
        }
    }

    private ChangedFiles changesAgainst(String base) throws GitException {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.of("feature"), GitAuth.none())) {
            return workspace.changedFilesSince(base);
        }
    }

    @Test
    void listsAddedModifiedAndDeletedFilesWhateverTheRefLooksLike() throws Exception {
        for (String base : new String[] {"main", "origin/main", "refs/heads/main", baseCommit}) {
            ChangedFiles changes = changesAgainst(base);

            assertThat(changes.baseCommit()).as(base).isEqualTo(baseCommit);
            assertThat(changes.added()).as(base).containsExactly("new.yaml");
            assertThat(changes.modified()).as(base).containsExactly("a.yaml");
            assertThat(changes.deleted()).as(base).containsExactly("gone.yaml");
        }
    }

    @Test
    void writesTheBaseVersionsOfChangedAndDeletedFiles() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.of("feature"), GitAuth.none())) {
            Path base = workspace.writeBaseFiles(workspace.changedFilesSince("main"));

            assertThat(base.resolve("a.yaml")).hasContent("a: 1");
            assertThat(base.resolve("gone.yaml")).hasContent("x");
            assertThat(base.resolve("new.yaml")).doesNotExist();
            assertThat(base.resolve("b.yaml")).doesNotExist();
            assertThat(workspace.readCommittedFile("a.yaml").map(String::strip)).contains("a: 2");
        }
    }

    @Test
    void anUnknownBaseRefFailsClearly() {
        assertThatThrownBy(() -> changesAgainst("develop"))
                .isInstanceOf(GitException.class)
                .hasMessage("Base ref 'develop' is neither a branch, a tag nor a commit id of " + remote);
    }
}
