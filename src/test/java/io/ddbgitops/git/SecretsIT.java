package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.ddbgitops.cli.CliProcess;
import io.ddbgitops.git.SshKeygen.Type;
import io.ddbgitops.local.LocalEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full apply cycles with known secret values (a git token over HTTPS, an SSH key passphrase, AWS credentials in
 * the environment), each in a JVM of its own: not one byte of what they print, of the repository they push
 * (every object, decompressed, and every file) or of what they leave in their temp directory holds a secret.
 */
class SecretsIT {
    private static final String TOKEN = "ghp_SecretsItToken0123456789abcdef";
    private static final String PASSPHRASE = "Secrets-IT passphrase 9f8e7d";
    private static final String ACCESS_KEY_ID = "AKIASECRETSIT0000042";
    private static final String SECRET_ACCESS_KEY = "SecretsIT/secretAccessKey+0123456789abcdefXYZ";
    private static final String SESSION_TOKEN = "SecretsITSessionToken//0123456789+abcdefghijklmnop==";
    /** Each secret, and the forms it takes on the wire (HTTP basic auth) that a careless log could print. */
    private static final List<String> SECRETS = List.of(TOKEN, PASSPHRASE, ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN,
            Base64.getEncoder().encodeToString((GitAuth.TOKEN_USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    private static final Map<String, String> AWS = Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY, "AWS_SESSION_TOKEN", SESSION_TOKEN, "AWS_REGION", "us-west-2");

    private static LocalEndpoint endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEndpoint() throws IOException {
        endpoint = LocalEndpoint.start(0, Optional.empty());
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.close();
    }

    /** Each test in a region of its own, so neither sees the other's tables as undeclared. */
    private static String manifest(String table, String region) {
        return manifest(table).replace("us-west-2", region);
    }

    private static String manifest(String table) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: secrets
                spec:
                  region: "us-west-2"
                  tablename: "%s"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                  optional_spec:
                    tags:
                      team: secrets
                """.formatted(table.toLowerCase(java.util.Locale.ROOT), table);
    }

    private CliProcess apply(String name, String repo, Map<String, String> gitEnv, List<String> jvmArgs) throws IOException {
        Map<String, String> env = new HashMap<>(AWS);
        env.putAll(gitEnv);
        Path work = Files.createDirectories(dir.resolve(name));
        return CliProcess.start(CliProcess.Launch.CLASSES, work, work.resolve("tmp"), env, jvmArgs,
                List.of("apply", "--repo", repo, "--endpoint-url", endpoint.endpoint().toString()));
    }

    @Test
    void anHttpsTokenAndAwsCredentialsAppearNowhere() throws Exception {
        Path remote = RemoteRepos.bareWith(Files.createDirectories(dir.resolve("http")), "main",
                Map.of("manifests/t.yaml", manifest("SecretsHttp")));
        TestTls tls = TestTls.create(Files.createDirectories(dir.resolve("tls")));
        try (SmartHttpGitServer server = new SmartHttpGitServer(remote, GitAuth.TOKEN_USER, TOKEN, Optional.of(tls.serverContext()))) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            CliProcess run = apply("http-run", server.url(), Map.of("GIT_TOKEN", TOKEN), tls.clientJvmArgs());

            assertThat(run.waitFor(Duration.ofMinutes(3))).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("report: pushed");
            assertNoSecretIn(run, remote);

            server.refusePushes("protected branch");
            RemoteRepos.pushAsSomeoneElse(remote, "main", Map.of("manifests/u.yaml", manifest("SecretsHttp2")), dir);
            CliProcess refused = apply("http-refused", server.url(), Map.of("GIT_TOKEN", TOKEN), tls.clientJvmArgs());

            assertThat(refused.waitFor(Duration.ofMinutes(3))).as(refused.out() + refused.err()).isEqualTo(1);
            assertThat(refused.err()).contains("protected branch");
            assertNoSecretIn(refused, remote);
        }
    }

    @Test
    void anSshKeyPassphraseAndAwsCredentialsAppearNowhere() throws Exception {
        Path remote = RemoteRepos.bareWith(Files.createDirectories(dir.resolve("ssh")), "main",
                Map.of("manifests/t.yaml", manifest("SecretsSsh", "eu-west-2")));
        Path hostKey = SshKeygen.generate(Type.ED25519, dir.resolve("host_ed25519"), Optional.empty());
        Path userKey = SshKeygen.generate(Type.ED25519, dir.resolve("id_ed25519"), Optional.of(PASSPHRASE));
        Path passphrase = Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
        try (Repository served = new FileRepositoryBuilder().setGitDir(remote.toFile()).setMustExist(true).build()) {
            SshTestGitServer server = new SshTestGitServer("git", SshKeygen.publicKey(userKey), served, Files.readAllBytes(hostKey));
            int port = server.start();
            try {
                Path knownHosts = SshKeygen.knownHosts(dir.resolve("known_hosts"), port, hostKey);
                CliProcess run = apply("ssh-run", "ssh://git@127.0.0.1:" + port + "/repo.git", Map.of(
                        "GIT_SSH_KEY_FILE", userKey.toString(), "GIT_SSH_KEY_PASSPHRASE_FILE", passphrase.toString(),
                        "GIT_KNOWN_HOSTS_FILE", knownHosts.toString()), List.of());

                assertThat(run.waitFor(Duration.ofMinutes(3))).as(run.out() + run.err()).isZero();
                assertThat(run.out()).contains("report: pushed");
                assertNoSecretIn(run, remote);
            } finally {
                server.stop();
            }
        }
    }

    private static void assertNoSecretIn(CliProcess run, Path remote) throws Exception {
        assertNoSecret("what the run printed", run.printed());
        assertNoSecret("the pushed repository's objects", allObjects(remote));
        for (Path file : files(remote)) {
            assertNoSecret(file.toString(), Files.readAllBytes(file));
        }
        assertThat(TempCheckoutsIT.leftovers(run.tmp())).as("left in the temp directory").isEmpty();
        for (Path file : files(run.tmp())) {
            assertNoSecret(file.toString(), Files.readAllBytes(file));
        }
    }

    private static void assertNoSecret(String where, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
            assertThat(text.contains(secret)).as(where + " holds the secret " + secret).isFalse();
        }
    }

    /** Every object of the repository, decompressed: git cat-file --batch-all-objects --batch. */
    private static byte[] allObjects(Path repo) throws Exception {
        Process git = new ProcessBuilder("git", "-C", repo.toString(), "cat-file", "--batch-all-objects", "--batch")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        git.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        git.getInputStream().transferTo(out);
        assertThat(git.waitFor(1, TimeUnit.MINUTES) && git.exitValue() == 0).as("git cat-file").isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the report commit is among the objects").contains("ddb-gitops:");
        return out.toByteArray();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
    }
}
