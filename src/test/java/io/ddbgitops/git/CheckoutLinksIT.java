package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
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

/** Committed symbolic links (mode 120000) in the checkout: never followed when the report is read or written. */
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
            assertThat(Files.isSymbolicLink(workspace.root().resolve("drift/report.json"))).isTrue();

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
    void refusesToCommitAReportPathThatIsALink() throws Exception {
        pushLink("main", "drift", outside);
        String before = RemoteRepos.head(remote, "main").orElseThrow();
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            ReportWriter careless = root -> List.of("drift/passwd");

            assertThatThrownBy(() -> workspace.publish("x", CommitAuthor.defaults(), Optional.empty(), true, careless))
                    .isInstanceOf(GitException.class)
                    .hasMessage("Refusing to commit report path 'drift/passwd': 'drift' is a symbolic link in the checkout");
        }
        assertThat(RemoteRepos.head(remote, "main")).contains(before);
    }

    @Test
    void replacesADirectoryHoldingALinkWhereTheReportFileGoes() throws Exception {
        pushLink("main", "drift/report.json/inner", outside.resolve("passwd"));
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(remote.toString(), Optional.empty(), GitAuth.none())) {
            PublishResult result = workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true,
                    ReportWriter.files(Map.of("drift/report.json", "{}\n")));

            assertThat(result.status()).isEqualTo(PublishResult.Status.PUSHED);
            assertThat(Files.isRegularFile(workspace.root().resolve("drift/report.json"), LinkOption.NOFOLLOW_LINKS)).isTrue();
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

            try (var files = Files.list(workspace.root().resolve("drift"))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("REPORT.md", "report.json");
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
