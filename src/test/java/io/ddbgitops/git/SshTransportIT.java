package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ddbgitops.git.PublishResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshTransportIT {
    private static final Map<String, String> REPORT = Map.of("drift/REPORT.md", "# in sync\n");

    @TempDir
    Path dir;
    Path remote;
    Repository served;
    SshTestGitServer server;
    KeyPair hostKey;
    KeyPair userKey;
    int port;

    @BeforeEach
    void startServer() throws Exception {
        remote = RemoteRepos.bareWith(dir, "main", Map.of("tables/users.yaml", "kind: Dynamodb\n"));
        served = new FileRepositoryBuilder().setGitDir(remote.toFile()).setMustExist(true).build();
        hostKey = SshKeys.generate();
        userKey = SshKeys.generate();
        server = new SshTestGitServer("git", userKey.getPublic(), served, hostKey);
        port = server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
        served.close();
    }

    String url() {
        return "ssh://git@127.0.0.1:" + port + "/repo.git";
    }

    @Test
    void clonesAndPublishesWithAKeyAndKnownHosts() throws Exception {
        Path key = SshKeys.writePrivateKey(userKey, dir.resolve("id_ecdsa"), Optional.empty());
        Path knownHosts = SshKeys.writeKnownHosts(dir.resolve("known_hosts"), port, hostKey.getPublic());
        GitAuth auth = GitAuth.fromEnvironment(Map.of("GIT_SSH_KEY_FILE", key.toString(), "GIT_KNOWN_HOSTS_FILE", knownHosts.toString()));

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url(), Optional.empty(), auth)) {
            assertThat(workspace.root().resolve("tables/users.yaml")).exists();
            PublishResult result = workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true, JGitWorkspaceIT.writes(REPORT));

            assertThat(result.status()).isEqualTo(Status.PUSHED);
            assertThat(RemoteRepos.head(remote, "main")).isEqualTo(result.commitId());
        }
        assertThat(knownHosts).hasContent(Files.readString(knownHosts).strip());
    }

    @Test
    void usesAKeyProtectedByAPassphraseFromAFile() throws Exception {
        Path key = SshKeys.writePrivateKey(userKey, dir.resolve("id_ecdsa"), Optional.of("key passphrase"));
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "key passphrase\n");
        Path knownHosts = SshKeys.writeKnownHosts(dir.resolve("known_hosts"), port, hostKey.getPublic());
        GitAuth auth = GitAuth.builder().sshKeyFile(key).sshKeyPassphraseFile(passphrase).knownHostsFile(knownHosts).build();

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url(), Optional.empty(), auth)) {
            assertThat(workspace.headCommit()).isEqualTo(RemoteRepos.head(remote, "main").orElseThrow());
        }
    }

    @Test
    void refusesAHostThatIsNotInKnownHosts() throws Exception {
        Path key = SshKeys.writePrivateKey(userKey, dir.resolve("id_ecdsa"), Optional.empty());
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        GitAuth auth = GitAuth.builder().sshKeyFile(key).knownHostsFile(knownHosts).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("Could not read repository " + url())
                .hasMessageContaining("is unknown: the host is not in the known_hosts file " + knownHosts);
        assertThat(knownHosts).isEmptyFile();
    }

    @Test
    void refusesAHostWhoseKeyChanged() throws Exception {
        Path key = SshKeys.writePrivateKey(userKey, dir.resolve("id_ecdsa"), Optional.empty());
        Path knownHosts = SshKeys.writeKnownHosts(dir.resolve("known_hosts"), port, SshKeys.generate().getPublic());
        GitAuth auth = GitAuth.builder().sshKeyFile(key).knownHostsFile(knownHosts).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("does not match the key in the known_hosts file " + knownHosts);
    }

    @Test
    void acceptsAnUnknownHostOnlyWhenToldExplicitly() throws Exception {
        Path key = SshKeys.writePrivateKey(userKey, dir.resolve("id_ecdsa"), Optional.empty());
        GitAuth auth = GitAuth.builder().sshKeyFile(key).strictHostKeyChecking(false).build();

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url(), Optional.empty(), auth)) {
            assertThat(workspace.branch()).isEqualTo("main");
        }
        GitAuth strict = GitAuth.builder().sshKeyFile(key).build();
        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), strict))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("no known_hosts file was given");
    }

    @Test
    void refusesAKeyTheServerDoesNotKnow() throws Exception {
        Path wrongKey = SshKeys.writePrivateKey(SshKeys.generate(), dir.resolve("id_other"), Optional.empty());
        Path knownHosts = SshKeys.writeKnownHosts(dir.resolve("known_hosts"), port, hostKey.getPublic());
        GitAuth auth = GitAuth.builder().sshKeyFile(wrongKey).knownHostsFile(knownHosts).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("Could not read repository " + url())
                .hasMessageContaining("uthentication");
    }
}
