package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.ddbgitops.cli.CliProcess;
import io.ddbgitops.git.SshKeygen.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users run ({@code java -jar target/ddb-gitops.jar}), not the test class path: Ed25519 needs a security
 * provider found at run time, which shading could lose. An encrypted ed25519 key, an ssh-ed25519 host key.
 */
class ShadedJarSshIT {
    private static final String MANIFEST = """
            apiVersion: prsn.io/v1
            kind: Dynamodb
            metadata:
              name: users
              namespace: it
            spec:
              region: "us-east-1"
              tablename: "ShadedJarUsers"
              pri_key_attributename: "id"
              pri_key_attributetype: "S"
            """;

    @TempDir
    Path dir;

    @Test
    void theShadedJarClonesAndPushesOverSshWithEd25519Keys() throws Exception {
        Path remote = RemoteRepos.bareWith(dir, "main", Map.of("manifests/users.yaml", MANIFEST));
        Path hostKey = SshKeygen.generate(Type.ED25519, dir.resolve("host_ed25519"), Optional.empty());
        Path userKey = SshKeygen.generate(Type.ED25519, dir.resolve("id_ed25519"), Optional.of("jar passphrase"));
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "jar passphrase\n");
        try (Repository served = new FileRepositoryBuilder().setGitDir(remote.toFile()).setMustExist(true).build()) {
            SshTestGitServer server = new SshTestGitServer("git", SshKeygen.publicKey(userKey), served, Files.readAllBytes(hostKey));
            int port = server.start();
            try {
                Path knownHosts = SshKeygen.knownHosts(dir.resolve("known_hosts"), port, hostKey);
                CliProcess run = CliProcess.start(CliProcess.Launch.SHADED_JAR, Files.createDirectories(dir.resolve("run")),
                        Map.of("GIT_SSH_KEY_FILE", userKey.toString(), "GIT_SSH_KEY_PASSPHRASE_FILE", passphrase.toString(),
                                "GIT_KNOWN_HOSTS_FILE", knownHosts.toString()),
                        List.of("apply", "--local", "--repo", "ssh://git@127.0.0.1:" + port + "/repo.git"));

                int exit = run.waitFor(Duration.ofMinutes(3));

                assertThat(exit).as(run.out() + run.err()).isZero();
                assertThat(run.out()).contains("report: pushed (branch main");
                assertThat(RemoteRepos.fileOn(remote, "main", "drift/report.json")).hasValueSatisfying(json ->
                        assertThat(json).contains("\"ShadedJarUsers\"").contains("\"created\""));
                assertThat(run.out() + run.err()).doesNotContain("jar passphrase");
            } finally {
                server.stop();
            }
        }
    }
}
