package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed symbolic links (mode 120000): never followed when the report is read or written. Nothing is checked
 * out, so a link is only ever a tree entry; the report replaces it as an entry.
 */
class CheckoutLinksIT {
    private static final String SECRET = "root:x:0:0:outside the repository\n";

    @TempDir
    Path dir;
    Path remote;
    Path outside;

    @BeforeEach
    void createRemote() throws Exception {
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), SECRET);
        remote = RemoteRepos.bareWith(dir, "main", Map.of("tables/users.yaml", "kind: Dynamodb\n"));
    }

    /** Someone commits {@code path} as a link to {@code target} on {@code branch} (created from main if missing). */
    private void pushLink(String branch, String path, Path target) throws Exception {
        Path work = Files.createTempDirectory(dir, "linker");
        try (Git git = Git.cloneRepository().setURI(remote.toString()).setDirectory(work.toFile()).call()) {
            Path link = work.resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
            git.add().addFilepattern(path).call();
            git.commit().setMessage("link").setAuthor(RemoteRepos.SOMEONE_ELSE).setCommitter(RemoteRepos.SOMEONE_ELSE)
                    .setSign(false).call();
            git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
        }
    }

    @Test
    void readsNoFileThroughALink() throws Exception {
        pushLink("reports", "drift/report.json", outside.resolve("passwd"));
        pushLink("main", "drift/report.json", outside.resolve("passwd"));
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            // it leads out of the repository: what is there is not the repository's, and may be a folder
            assertThat(workspace.files().entry("drift/report.json").map(CommitTree.Entry::kind))
                    .contains(CommitTree.Kind.FOLDER_LINK);

            assertThat(workspace.readCommittedFile("drift/report.json")).isEmpty();
            assertThat(workspace.readFile("reports", "drift/report.json")).isEmpty();
            assertThat(workspace.readCommittedFile("tables/users.yaml")).contains("kind: Dynamodb\n");
        }
    }

    @Test
    void readsNoFileBelowALinkedDirectory() throws Exception {
        Files.writeString(outside.resolve("report.json"), "{\"mode\": \"apply\"}");
        pushLink("main", "drift", outside);
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThat(workspace.readCommittedFile("drift/report.json")).isEmpty();
            assertThat(workspace.readFile("main", "drift/report.json")).isEmpty();
        }
    }

    @Test
    void aReportPathBelowALinkIsNeverWrittenThrough() throws Exception {
        pushLink("main", "drift", outside);
        String before = RemoteRepos.head(remote, "main").orElseThrow();
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            ReportWriter careless = root -> List.of("drift/passwd");

            PublishResult result = workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, careless);

            assertThat(result.status()).isEqualTo(PublishResult.Status.NOTHING_TO_COMMIT);
            PublishResult written = workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true,
                    ReportWriter.files(Map.of("drift/passwd", "ours\n")));
            assertThat(written.status()).isEqualTo(PublishResult.Status.PUSHED);
        }
        assertThat(outside.resolve("passwd")).hasContent(SECRET.strip());
        assertThat(RemoteRepos.log(remote, "main").get(0).getParent(0).name()).isEqualTo(before);
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/passwd")).contains("ours\n");
    }

    @Test
    void refusesAWriterThatLeavesALinkAtAReportPath() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            ReportWriter linking = root -> {
                Files.createSymbolicLink(root.resolve("drift"), outside);
                return List.of("drift/passwd");
            };

            assertThatThrownBy(() -> workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, linking))
                    .isInstanceOf(GitException.class)
                    .hasMessage("Refusing to commit report path 'drift/passwd': 'drift' is a symbolic link in the checkout");
        }
    }

    @Test
    void replacesADirectoryHoldingALinkWhereTheReportFileGoes() throws Exception {
        pushLink("main", "drift/report.json/inner", outside.resolve("passwd"));
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            PublishResult result = workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true,
                    ReportWriter.files(Map.of("drift/report.json", "{}\n")));

            assertThat(result.status()).isEqualTo(PublishResult.Status.PUSHED);
            assertThat(workspace.files().entry("drift/report.json").map(CommitTree.Entry::kind)).contains(CommitTree.Kind.FILE);
        }
        assertThat(outside.resolve("passwd")).hasContent(SECRET.strip());
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/report.json")).contains("{}\n");
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/report.json/inner")).isEmpty();
    }

    @Test
    void aLinkPushedDuringARaceIsReplacedWhenTheReportIsWrittenAgain() throws Exception {
        Files.writeString(outside.resolve("REPORT.md"), SECRET);
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            ReportWriter files = ReportWriter.files(Map.of("drift/REPORT.md", "# report\n"));
            AtomicInteger writes = new AtomicInteger();
            ReportWriter racing = root -> {
                if (writes.incrementAndGet() == 1) {
                    try {
                        pushLink("main", "drift", outside);
                    } catch (Exception e) {
                        throw new java.io.IOException(e);
                    }
                }
                return files.write(root);
            };

            PublishResult result = workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true, racing);

            assertThat(result.attempts()).isEqualTo(2);
            assertThat(result.status()).isEqualTo(PublishResult.Status.PUSHED);
        }
        assertThat(outside.resolve("REPORT.md")).hasContent(SECRET.strip());
        assertThat(RemoteRepos.fileOn(remote, "main", "drift/REPORT.md")).contains("# report\n");
    }

    @Test
    void writesNoTemporaryFileThatOutlivesTheWrite() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), false,
                    ReportWriter.files(Map.of("drift/REPORT.md", "# report\n", "drift/report.json", "{}\n")));

            List<String> committed = new java.util.ArrayList<>();
            workspace.files().walk(new CommitTree.Visitor() {
                @Override
                public boolean enter(String path) {
                    return true;
                }

                @Override
                public void visit(CommitTree.Entry entry) {
                    committed.add(entry.path());
                }
            });
            assertThat(committed).containsExactlyInAnyOrder("drift/REPORT.md", "drift/report.json", "tables/users.yaml");
            try (var left = Files.list(workspace.gitDir().getParent())) {
                assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("repo.git",
                        ".ddb-gitops-checkout");
            }
        }
    }

    @Test
    void refusesAPathOutsideTheCheckoutBeforeWritingIt() throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            assertThatThrownBy(() -> workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true,
                    ReportWriter.files(Map.of("../outside/passwd", "overwritten"))))
                    .isInstanceOf(GitException.class).hasMessageContaining("'../outside/passwd'");
        }
        assertThat(outside.resolve("passwd")).hasContent(SECRET.strip());
    }
}
