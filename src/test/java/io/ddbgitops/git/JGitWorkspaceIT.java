package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ddbgitops.git.PublishResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JGitWorkspaceIT {
    private static final Map<String, String> REPORT = Map.of("drift/REPORT.md", "# in sync\n", "drift/report.json", "{}\n");

    @TempDir
    Path dir;
    Path remote;

    @BeforeEach
    void createRemote() throws Exception {
        remote = RemoteRepos.bareWith(dir, "main", Map.of("tables/users.yaml", "kind: Dynamodb\n"));
    }

    static ReportWriter writes(Map<String, String> files) {
        return root -> {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return List.copyOf(files.keySet());
        };
    }

    @Test
    void firstPublishPushesOneCommitWithTheFilesAndTheAuthor() throws Exception {
        String seed = RemoteRepos.head(remote, "main").orElseThrow();
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThat(workspace.branch()).isEqualTo("main");
            assertThat(workspace.headCommit()).isEqualTo(seed);
            assertThat(workspace.readCommittedFile("tables/users.yaml")).contains("kind: Dynamodb\n");
            assertThat(workspace.gitDir().resolve("shallow")).exists();
            assertThat(workspace.gitDir().resolve("index")).doesNotExist();

            PublishResult result = workspace.publish("drift report", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT));

            assertThat(result.status()).isEqualTo(Status.PUSHED);
            assertThat(result.branch()).isEqualTo("main");
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.commitId()).isEqualTo(RemoteRepos.head(remote, "main"));
            assertThat(workspace.headCommit()).isEqualTo(result.commitId().orElseThrow());
        }
        List<RevCommit> log = RemoteRepos.log(remote, "main");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).getParent(0).name()).isEqualTo(seed);
        assertThat(log.get(0).getAuthorIdent().getName()).isEqualTo("ddb-gitops");
        assertThat(log.get(0).getAuthorIdent().getEmailAddress()).isEqualTo("ddb-gitops@localhost");
        assertThat(log.get(0).getFullMessage()).isEqualTo("drift report");
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/REPORT.md")).contains("# in sync\n");
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/report.json")).contains("{}\n");
    }

    @Test
    void writesNoFileOfTheRepositoryToDisk() throws Exception {
        RemoteRepos.pushAsSomeoneElse(remote, "main", Map.of("tables/orders.yaml", "kind: Dynamodb\n",
                "docs/README.md", "# docs\n"), dir);
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            workspace.publish("drift report", CommitAuthor.defaults(), Optional.of("drift-reports"), true, writes(REPORT));
            workspace.publish("drift report", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT));

            try (var all = Files.walk(workspace.gitDir().getParent())) {
                assertThat(all.map(p -> p.getFileName().toString()))
                        .doesNotContain("orders.yaml", "users.yaml", "README.md", "REPORT.md", "tables", "drift");
            }
            assertThat(workspace.files().entry("tables/orders.yaml").map(CommitTree.Entry::kind)).contains(CommitTree.Kind.FILE);
            assertThat(workspace.files().entry("tables")).isEmpty();
            assertThat(workspace.readCommittedFile("drift/REPORT.md")).contains("# in sync\n");
        }
    }

    @Test
    void aWriterReadsTheTipItWritesOnAlsoAfterARace() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            RemoteRepos.pushAsSomeoneElse(remote, "main", Map.of("drift/shards/0-of-2.json", "{\"shard\": 0}\n"), dir);
            ReportWriter combining = new ReportWriter() {
                @Override
                public List<String> write(Path dir) {
                    throw new AssertionError("the tip is given");
                }

                @Override
                public List<String> write(Path dir, CommitTree tip) throws IOException {
                    Optional<CommitTree.Entry> other = tip.entry("drift/shards/0-of-2.json");
                    String seen = other.isEmpty() ? "none" : new String(tip.read(other.get().id(), 1024),
                            java.nio.charset.StandardCharsets.UTF_8).strip();
                    return ReportWriter.files(Map.of("drift/shards/1-of-2.json", "{\"shard\": 1}\n",
                            "drift/REPORT.md", "seen " + seen + "\n")).write(dir);
                }
            };

            PublishResult result = workspace.publish("shard 1", CommitAuthor.defaults(), Optional.empty(), true, combining);

            assertThat(result.attempts()).isEqualTo(2);
        }
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/REPORT.md")).contains("seen {\"shard\": 0}\n");
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/shards/0-of-2.json")).contains("{\"shard\": 0}\n");
    }

    @Test
    void publishingIdenticalContentAgainCommitsNothing() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            workspace.publish("first", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT));
        }
        String before = RemoteRepos.head(remote, "main").orElseThrow();
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            PublishResult result = workspace.publish("second", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT));

            assertThat(result.status()).isEqualTo(Status.NOTHING_TO_COMMIT);
            assertThat(result.commitId()).isEmpty();
            assertThat(workspace.headCommit()).isEqualTo(before);
        }
        assertThat(RemoteRepos.head(remote, "main")).contains(before);
    }

    @Test
    void keepsTheOtherCommitWhenTheBranchMovedBeforeThePush() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            String theirs = RemoteRepos.pushAsSomeoneElse(remote, "main", Map.of("tables/orders.yaml", "kind: Dynamodb\n"), dir);
            AtomicInteger writes = new AtomicInteger();
            ReportWriter counting = root -> {
                writes.incrementAndGet();
                return writes(REPORT).write(root);
            };

            PublishResult result = workspace.publish("drift report", CommitAuthor.defaults(), Optional.empty(), true, counting);

            assertThat(result.status()).isEqualTo(Status.PUSHED);
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(writes).hasValue(2);
            List<RevCommit> log = RemoteRepos.log(remote, "main");
            assertThat(log.get(0).name()).isEqualTo(result.commitId().orElseThrow());
            assertThat(log.get(0).getParent(0).name()).isEqualTo(theirs);
        }
        assertThat(RemoteRepos.fileOn(remote, "main", "tables/orders.yaml")).isPresent();
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/REPORT.md")).contains("# in sync\n");
    }

    @Test
    void givesUpAfterFiveRacesWithoutForcing() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            List<String> theirs = new ArrayList<>();
            ReportWriter racing = root -> {
                try {
                    theirs.add(RemoteRepos.pushAsSomeoneElse(remote, "main", Map.of("race.txt", "race " + theirs.size()), dir));
                } catch (Exception e) {
                    throw new IOException(e);
                }
                return writes(REPORT).write(root);
            };

            assertThatThrownBy(() -> workspace.publish("drift report", CommitAuthor.defaults(), Optional.empty(), true, racing))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining("after 5 attempts");
            assertThat(RemoteRepos.head(remote, "main")).contains(theirs.get(theirs.size() - 1));
            assertThat(RemoteRepos.log(remote, "main")).hasSize(1 + theirs.size());
        }
    }

    @Test
    void createsTheReportBranchFromTheClonedHeadAndLeavesMainAlone() throws Exception {
        String mainHead = RemoteRepos.head(remote, "main").orElseThrow();
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            PublishResult result = workspace.publish("drift report", CommitAuthor.defaults(), Optional.of("drift-reports"), true, writes(REPORT));

            assertThat(result.status()).isEqualTo(Status.PUSHED);
            assertThat(result.branch()).isEqualTo("drift-reports");
            assertThat(workspace.headCommit()).isEqualTo(mainHead);
            assertThat(workspace.readCommittedFile("drift/REPORT.md")).isEmpty();
        }
        assertThat(RemoteRepos.head(remote, "main")).contains(mainHead);
        List<RevCommit> log = RemoteRepos.log(remote, "drift-reports");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).getParent(0).name()).isEqualTo(mainHead);
        assertThat(RemoteRepos.fileOn(remote, "drift-reports", "drift/REPORT.md")).contains("# in sync\n");
    }

    @Test
    void appendsToAnExistingReportBranch() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            workspace.publish("first", CommitAuthor.defaults(), Optional.of("drift-reports"), true, writes(REPORT));
        }
        RemoteRepos.pushAsSomeoneElse(remote, "main", Map.of("tables/orders.yaml", "kind: Dynamodb\n"), dir);
        String mainHead = RemoteRepos.head(remote, "main").orElseThrow();
        String reportHead = RemoteRepos.head(remote, "drift-reports").orElseThrow();

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThat(workspace.readFile("drift-reports", "drift/REPORT.md")).contains("# in sync\n");
            PublishResult result = workspace.publish("second", CommitAuthor.defaults(), Optional.of("drift-reports"), true,
                    writes(Map.of("drift/REPORT.md", "# drifted\n")));
            assertThat(result.status()).isEqualTo(Status.PUSHED);
        }
        List<RevCommit> log = RemoteRepos.log(remote, "drift-reports");
        assertThat(log).hasSize(3);
        assertThat(log.get(0).getParent(0).name()).isEqualTo(reportHead);
        assertThat(RemoteRepos.fileOn(remote, "drift-reports", "drift/REPORT.md")).contains("# drifted\n");
        assertThat(RemoteRepos.fileOn(remote, "drift-reports", "drift/report.json")).contains("{}\n");
        assertThat(RemoteRepos.fileOn(remote, "drift-reports", "tables/orders.yaml")).isEmpty();
        assertThat(RemoteRepos.head(remote, "main")).contains(mainHead);
    }

    @Test
    void readFileIsEmptyForAMissingBranchOrFile() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThat(workspace.readFile("no-such-branch", "drift/report.json")).isEmpty();
            assertThat(workspace.readFile("main", "drift/report.json")).isEmpty();
            assertThat(workspace.readFile("main", "tables")).isEmpty();
            assertThat(workspace.readFile("main", "tables/users.yaml")).contains("kind: Dynamodb\n");
        }
    }

    @Test
    void commitsOnlyThePathsTheWriterReturned() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            workspace.publish("drift report", CommitAuthor.defaults(), Optional.empty(), true, root -> {
                Files.writeString(root.resolve("scratch.txt"), "not part of the report");
                return writes(REPORT).write(root);
            });
        }
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/REPORT.md")).isPresent();
        assertThat(RemoteRepos.fileOn(remote, "main", "scratch.txt")).isEmpty();
    }

    @Test
    void stagesTheDeletionOfAReturnedPathThatIsGone() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            workspace.publish("first", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT));
        }
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            PublishResult result = workspace.publish("drop json", CommitAuthor.defaults(), Optional.empty(), true,
                    root -> List.of("drift/report.json"));
            assertThat(result.status()).isEqualTo(Status.PUSHED);
        }
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/report.json")).isEmpty();
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/REPORT.md")).isPresent();
    }

    @Test
    void keepsTheCommitLocalWhenNotPushing() throws Exception {
        String before = RemoteRepos.head(remote, "main").orElseThrow();
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            PublishResult result = workspace.publish("drift report", CommitAuthor.defaults(), Optional.empty(), false, writes(REPORT));

            assertThat(result.status()).isEqualTo(Status.COMMITTED_NOT_PUSHED);
            assertThat(result.commitId()).contains(workspace.headCommit());
        }
        assertThat(RemoteRepos.head(remote, "main")).contains(before);
    }

    @Test
    void closeRemovesTheTempDirAlsoAfterAFailedPublish() throws Exception {
        JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none());
        Path tempDir = workspace.gitDir().getParent();
        assertThatThrownBy(() -> workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, root -> {
            throw new IOException("disk full");
        })).isInstanceOf(GitException.class).hasMessageContaining("disk full");

        workspace.close();
        workspace.close();

        assertThat(tempDir).doesNotExist();
    }

    @Test
    void rejectsAWriterPathOutsideTheCheckout() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThatThrownBy(() -> workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, root -> List.of("../evil")))
                    .isInstanceOf(GitException.class).hasMessageContaining("'../evil'");
        }
    }

    @Test
    void cloningANonExistentRepoFailsClearly() {
        Path missing = dir.resolve("nowhere.git");
        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(missing.toString(), Optional.empty(), GitAuth.none()))
                .isInstanceOf(GitException.class).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void cloningADirectoryThatIsNoRepositoryFailsClearly() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(plain.toUri().toString(), Optional.empty(), GitAuth.none()))
                .isInstanceOf(GitException.class).hasMessageStartingWith("Could not read repository " + plain);
    }

    @Test
    void cloningAMissingBranchFailsClearly() {
        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(remote.toString(), Optional.of("nope"), GitAuth.none()))
                .isInstanceOf(GitException.class).hasMessage("Branch 'nope' does not exist in " + remote);
    }

    @Test
    void clonesTheDefaultBranchFromAFileUrlOrARelativePath() throws Exception {
        Path trunkRemote = RemoteRepos.bareWith(Files.createDirectories(dir.resolve("trunk")), "trunk", Map.of("a.txt", "a"));
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(trunkRemote.toUri().toString(), Optional.empty(), GitAuth.none())) {
            assertThat(workspace.branch()).isEqualTo("trunk");
        }
        Path relative = Path.of("").toAbsolutePath().relativize(trunkRemote);
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(relative.toString(), Optional.empty(), GitAuth.none())) {
            assertThat(workspace.readCommittedFile("a.txt")).contains("a");
        }
    }

    @Test
    void refusesToPushIntoTheCheckedOutBranchOfANonBareRepository() throws Exception {
        Path nonBare = dir.resolve("non-bare");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(nonBare.toFile()).call()) {
            RemoteRepos.commitFiles(git, Map.of("a.txt", "a"), "seed");
        }
        String before = RemoteRepos.head(nonBare.resolve(".git"), "main").orElseThrow();
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(nonBare.toString(), Optional.empty(), GitAuth.none())) {
            assertThatThrownBy(() -> workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT)))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining("non-bare").hasMessageContaining("--report-branch");

            PublishResult toReportBranch = workspace.publish("x", CommitAuthor.defaults(), Optional.of("drift-reports"), true, writes(REPORT));
            assertThat(toReportBranch.status()).isEqualTo(Status.PUSHED);
        }
        assertThat(RemoteRepos.head(nonBare.resolve(".git"), "main")).contains(before);
        assertThat(new ArrayList<>(RemoteRepos.log(nonBare.resolve(".git"), "drift-reports"))).hasSize(2);
    }

    @Test
    void aBranchLockedOnTheServerIsReportedAsLockedNotAsMoving() throws Exception {
        String before = RemoteRepos.head(remote, "main").orElseThrow();
        Path lock = Files.writeString(remote.resolve("refs/heads/main.lock"), before + "\n");
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThatThrownBy(() -> workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT)))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining("the branch is locked on the server")
                    .hasMessageContaining("refs/heads/main.lock")
                    .hasMessageNotContaining("kept moving");
        }
        assertThat(RemoteRepos.head(remote, "main")).contains(before);

        Files.delete(lock);
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThat(workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, writes(REPORT)).status())
                    .isEqualTo(Status.PUSHED);
        }
    }
}
