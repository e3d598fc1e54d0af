package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ddbgitops.git.PublishResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTransportIT {
    private static final String USER = "reconciler";
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final Map<String, String> REPORT = Map.of("drift/REPORT.md", "# in sync\n");

    @TempDir
    Path dir;
    Path remote;
    SmartHttpGitServer server;

    void serve(String user, String password) throws Exception {
        remote = RemoteRepos.bareWith(dir, "main", Map.of("tables/users.yaml", "kind: Dynamodb\n"));
        server = new SmartHttpGitServer(remote, user, password);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clonesAndPublishesWithUserAndPassword() throws Exception {
        serve(USER, PASSWORD);
        GitAuth auth = GitAuth.builder().username(USER).password(PASSWORD).build();

        assertPublishes(server.url(), auth);
    }

    @Test
    void clonesAndPublishesWithATokenFromAFile() throws Exception {
        serve(GitAuth.TOKEN_USER, "ghp_token123");
        Path tokenFile = Files.writeString(dir.resolve("token"), "ghp_token123\n");
        GitAuth auth = GitAuth.fromEnvironment(Map.of("GIT_TOKEN_FILE", tokenFile.toString()));

        assertPublishes(server.url(), auth);
    }

    @Test
    void usesCredentialsFromTheUrlWithoutStoringThem() throws Exception {
        serve(USER, PASSWORD);
        String url = server.url().replace("http://", "http://" + USER + ":" + PASSWORD + "@");

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url, Optional.empty(), GitAuth.none())) {
            assertThat(workspace.gitDir().resolve("config")).content().doesNotContain(PASSWORD);
            assertThat(workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true, JGitWorkspaceIT.writes(REPORT)).status())
                    .isEqualTo(Status.PUSHED);
        }
    }

    @Test
    void wrongPasswordFailsClearlyWithoutShowingEitherPassword() throws Exception {
        serve(USER, PASSWORD);
        String wrong = "wr0ng-Passw0rd";
        GitAuth auth = GitAuth.builder().username(USER).password(wrong).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(server.url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("Could not read repository " + server.url())
                .hasMessageContaining("not authorized")
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void wrongPasswordInTheUrlIsNotPrinted() throws Exception {
        serve(USER, PASSWORD);
        String wrong = "wr0ng-Passw0rd";
        String url = server.url().replace("http://", "http://" + USER + ":" + wrong + "@");

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url, Optional.empty(), GitAuth.none()))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("not authorized")
                .hasMessageNotContaining(wrong);
    }

    private void assertPublishes(String url, GitAuth auth) throws Exception {
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url, Optional.empty(), auth)) {
            assertThat(workspace.readCommittedFile("tables/users.yaml")).isPresent();
            PublishResult result = workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true, JGitWorkspaceIT.writes(REPORT));

            assertThat(result.status()).isEqualTo(Status.PUSHED);
            assertThat(RemoteRepos.head(remote, "main")).isEqualTo(result.commitId());
            assertThat(workspace.readFile("main", "drift/REPORT.md")).contains("# in sync\n");
        }
    }
}
