package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ddbgitops.git.PublishResult.Status;
import io.ddbgitops.git.SshKeygen.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Git over SSH against a loopback SSH git server, with keys made by the real ssh-keygen: every key type OpenSSH
 * generates (ed25519, its default; ecdsa; rsa) as the user's key and as the server's host key.
 */
class SshTransportIT {
    private static final Map<String, String> REPORT = Map.of("drift/REPORT.md", "# in sync\n");

    @TempDir
    Path dir;
    Path remote;
    Repository served;
    SshTestGitServer server;
    Path hostKey;
    Path userKey;
    int port;

    @BeforeEach
    void createRemote() throws Exception {
        remote = RemoteRepos.bareWith(dir, "main", Map.of("tables/users.yaml", "kind: Dynamodb\n"));
        served = new FileRepositoryBuilder().setGitDir(remote.toFile()).setMustExist(true).build();
    }

    /** Starts the server with a host key of {@code hostType}, accepting the user key {@code userKey}. */
    void serve(Type hostType, Path userKey) throws Exception {
        this.userKey = userKey;
        hostKey = SshKeygen.generate(hostType, dir.resolve("host_" + hostType), Optional.empty());
        server = new SshTestGitServer("git", SshKeygen.publicKey(userKey), served, Files.readAllBytes(hostKey));
        port = server.start();
    }

    void serve(Type type) throws Exception {
        serve(type, SshKeygen.generate(type, dir.resolve("id_" + type), Optional.empty()));
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
        served.close();
    }

    String url() {
        return "ssh://git@127.0.0.1:" + port + "/repo.git";
    }

    Path knownHosts() throws Exception {
        return SshKeygen.knownHosts(dir.resolve("known_hosts"), port, hostKey);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void clonesAndPushesWithEveryKeyTypeAsUserAndHostKey(Type type) throws Exception {
        serve(type);
        Path knownHosts = knownHosts();
        GitAuth auth = GitAuth.fromEnvironment(Map.of("GIT_SSH_KEY_FILE", userKey.toString(), "GIT_KNOWN_HOSTS_FILE", knownHosts.toString()));

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url(), Optional.empty(), auth)) {
            assertThat(workspace.readCommittedFile("tables/users.yaml")).isPresent();
            PublishResult result = workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true, JGitWorkspaceIT.writes(REPORT));

            assertThat(result.status()).isEqualTo(Status.PUSHED);
            assertThat(RemoteRepos.head(remote, "main")).isEqualTo(result.commitId());
        }
        assertThat(knownHosts).hasContent(Files.readString(knownHosts).strip());
    }

    @Test
    void usesAnEncryptedEd25519KeyWithItsPassphraseFromAFile() throws Exception {
        Path key = SshKeygen.generate(Type.ED25519, dir.resolve("id_ed25519_encrypted"), Optional.of("key passphrase"));
        assertThat(SshKeygen.isEncrypted(key)).as("ssh-keygen encrypted the key (bcrypt KDF)").isTrue();
        serve(Type.ED25519, key);
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "key passphrase\n");
        GitAuth auth = GitAuth.fromEnvironment(Map.of("GIT_SSH_KEY_FILE", key.toString(),
                "GIT_SSH_KEY_PASSPHRASE_FILE", passphrase.toString(), "GIT_KNOWN_HOSTS_FILE", knownHosts().toString()));

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url(), Optional.empty(), auth)) {
            PublishResult result = workspace.publish("report", CommitAuthor.defaults(), Optional.empty(), true, JGitWorkspaceIT.writes(REPORT));
            assertThat(result.status()).isEqualTo(Status.PUSHED);
        }
    }

    @Test
    void aWrongPassphraseFailsWithoutPrintingIt() throws Exception {
        Path key = SshKeygen.generate(Type.ED25519, dir.resolve("id_ed25519_encrypted"), Optional.of("right passphrase"));
        serve(Type.ED25519, key);
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "wrong passphrase\n");
        GitAuth auth = GitAuth.builder().sshKeyFile(key).sshKeyPassphraseFile(passphrase).knownHostsFile(knownHosts()).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("Could not read repository " + url())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong passphrase").doesNotContain("right passphrase"));
    }

    @Test
    void refusesAHostThatIsNotInKnownHosts() throws Exception {
        serve(Type.ED25519);
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        GitAuth auth = GitAuth.builder().sshKeyFile(userKey).knownHostsFile(knownHosts).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("Could not read repository " + url())
                .hasMessageContaining("(ssh-ed25519 SHA256:")
                .hasMessageContaining("is unknown: the host is not in the known_hosts file " + knownHosts);
        assertThat(knownHosts).isEmptyFile();
    }

    @Test
    void refusesAHostWhoseKeyChanged() throws Exception {
        serve(Type.ED25519);
        Path otherHostKey = SshKeygen.generate(Type.ED25519, dir.resolve("other_host"), Optional.empty());
        Path knownHosts = SshKeygen.knownHosts(dir.resolve("known_hosts"), port, otherHostKey);
        GitAuth auth = GitAuth.builder().sshKeyFile(userKey).knownHostsFile(knownHosts).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("does not match the key in the known_hosts file " + knownHosts);
    }

    @Test
    void acceptsAnUnknownHostOnlyWhenToldExplicitly() throws Exception {
        serve(Type.ED25519);
        GitAuth auth = GitAuth.builder().sshKeyFile(userKey).strictHostKeyChecking(false).build();

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url(), Optional.empty(), auth)) {
            assertThat(workspace.branch()).isEqualTo("main");
        }
        GitAuth strict = GitAuth.builder().sshKeyFile(userKey).build();
        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), strict))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("no known_hosts file was given");
    }

    @Test
    void refusesAKeyTheServerDoesNotKnow() throws Exception {
        serve(Type.ED25519);
        Path wrongKey = SshKeygen.generate(Type.ED25519, dir.resolve("id_other"), Optional.empty());
        GitAuth auth = GitAuth.builder().sshKeyFile(wrongKey).knownHostsFile(knownHosts()).build();

        assertThatThrownBy(() -> JGitWorkspace.cloneRepo(url(), Optional.empty(), auth))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("Could not read repository " + url())
                .hasMessageContaining("uthentication");
    }
}
