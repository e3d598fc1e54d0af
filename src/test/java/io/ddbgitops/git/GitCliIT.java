package io.ddbgitops.git;

import io.ddbgitops.cli.Main;
import io.ddbgitops.local.LocalEndpoint;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real transports through the command line: credentials by option and by environment, failures, cleanup. */
class GitCliIT {
    private static final String USER = "reconciler";
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String MANIFEST = """
            apiVersion: prsn.io/v1
            kind: Dynamodb
            metadata:
              name: users
              namespace: it
            spec:
              region: "us-east-1"
              tablename: "GitCliUsers"
              pri_key_attributename: "id"
              pri_key_attributetype: "S"
            """;

    private static LocalEndpoint endpoint;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void startEndpoint() throws IOException {
        endpoint = LocalEndpoint.start(0, Optional.empty());
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.close();
    }

    private static Run cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path remote(Map<String, String> extra) throws Exception {
        Map<String, String> files = new HashMap<>(extra);
        files.put("manifests/users.yaml", MANIFEST);
        return RemoteRepos.bareWith(dir, "main", files);
    }

    private Run planAndPush(String url, Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", "--repo", url, "--push",
                "--endpoint-url", endpoint.endpoint().toString()));
        args.addAll(List.of(extra));
        return cli(env, args.toArray(String[]::new));
    }

    @Test
    void clonesAndPublishesOverHttpWithThePasswordGivenAsOptions() throws Exception {
        Path remote = remote(Map.of());
        try (SmartHttpGitServer server = new SmartHttpGitServer(remote, USER, PASSWORD)) {
            Run run = planAndPush(server.url(), Map.of(), "--git-username", USER, "--git-password", PASSWORD);

            assertThat(run.exit()).as(run.all()).isEqualTo(2);
            assertThat(run.out()).contains("1 to create").contains("report: pushed (branch main");
            assertThat(run.all()).doesNotContain(PASSWORD);
            assertThat(RemoteRepos.fileOn(remote, "main", "drift/report.json")).isPresent();
            assertThat(RemoteRepos.fileOn(remote, "main", "drift/badge.svg"))
                    .hasValueSatisfying(svg -> assertThat(svg).contains(">1 drifted · "));
            assertThat(RemoteRepos.log(remote, "main").get(0).getFullMessage()).endsWith("[skip ci]\n");
        }
    }

    @Test
    void takesATokenFileFromTheEnvironment() throws Exception {
        Path remote = remote(Map.of());
        Path tokenFile = Files.writeString(dir.resolve("token"), "ghp_token123\n");
        try (SmartHttpGitServer server = new SmartHttpGitServer(remote, GitAuth.TOKEN_USER, "ghp_token123")) {
            Run run = planAndPush(server.url(), Map.of("GIT_TOKEN_FILE", tokenFile.toString()));

            assertThat(run.exit()).as(run.all()).isEqualTo(2);
            assertThat(run.out()).contains("report: pushed");
            assertThat(run.all()).doesNotContain("ghp_token123");
        }
    }

    @Test
    void anOptionWinsOverItsEnvironmentVariable() throws Exception {
        Path remote = remote(Map.of());
        Path good = Files.writeString(dir.resolve("good"), PASSWORD);
        try (SmartHttpGitServer server = new SmartHttpGitServer(remote, USER, PASSWORD)) {
            Run run = cli(Map.of("GIT_USERNAME", USER, "GIT_PASSWORD", "stale-env-password"),
                    "validate", "--repo", server.url(), "--git-password-file", good.toString());

            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(run.out()).contains("1 valid manifest(s)");
        }
    }

    @Test
    void aWrongPasswordExitsOneWithAClearMessageAndNoSecret() throws Exception {
        Path remote = remote(Map.of());
        String wrong = "wr0ng-Passw0rd";
        try (SmartHttpGitServer server = new SmartHttpGitServer(remote, USER, PASSWORD)) {
            Run run = planAndPush(server.url(), Map.of("GIT_USERNAME", USER, "GIT_PASSWORD", wrong));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).startsWith("error: Could not read repository " + server.url())
                    .contains("not authorized");
            assertThat(run.all()).doesNotContain(wrong).doesNotContain(PASSWORD);
        }
    }

    @Test
    void clonesOverSshWithAnEd25519KeyAndKnownHostsAndRefusesAnUnknownHost() throws Exception {
        Path remote = remote(Map.of());
        Path hostKey = SshKeygen.generate(SshKeygen.Type.ED25519, dir.resolve("host_ed25519"), Optional.empty());
        Path key = SshKeygen.generate(SshKeygen.Type.ED25519, dir.resolve("id_ed25519"), Optional.empty());
        try (Repository served = new FileRepositoryBuilder().setGitDir(remote.toFile()).setMustExist(true).build()) {
            SshTestGitServer server = new SshTestGitServer("git", SshKeygen.publicKey(key), served, Files.readAllBytes(hostKey));
            int port = server.start();
            try {
                String url = "ssh://git@127.0.0.1:" + port + "/repo.git";
                Path knownHosts = SshKeygen.knownHosts(dir.resolve("known_hosts"), port, hostKey);
                Path otherHosts = Files.writeString(dir.resolve("other_known_hosts"), "");

                Run ok = cli(Map.of("GIT_SSH_KEY_FILE", key.toString()), "validate", "--repo", url,
                        "--git-known-hosts-file", knownHosts.toString());
                Run unknown = cli(Map.of(), "validate", "--repo", url, "--git-ssh-key-file", key.toString(),
                        "--git-known-hosts-file", otherHosts.toString());

                assertThat(ok.exit()).as(ok.all()).isZero();
                assertThat(ok.out()).contains("1 valid manifest(s)");
                assertThat(unknown.exit()).isEqualTo(1);
                assertThat(unknown.err()).contains("is unknown: the host is not in the known_hosts file " + otherHosts);

                Run unchecked = cli(Map.of("GIT_SSH_KEY_FILE", key.toString()), "validate", "--repo", url,
                        "--no-git-ssh-strict-host-key-checking");
                assertThat(unchecked.exit()).as(unchecked.all()).isZero();
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void publishesToAReportBranchAndLeavesTheClonedBranchAlone() throws Exception {
        Path remote = remote(Map.of());
        Optional<String> mainBefore = RemoteRepos.head(remote, "main");

        Run run = planAndPush(remote.toString(), Map.of(), "--report-branch", "drift-reports");

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).contains("report: pushed (branch drift-reports");
        assertThat(RemoteRepos.head(remote, "main")).isEqualTo(mainBefore);
        assertThat(RemoteRepos.fileOn(remote, "drift-reports", "drift/REPORT.md")).isPresent();
        assertThat(RemoteRepos.fileOn(remote, "drift-reports", "manifests/users.yaml")).contains(MANIFEST);
    }

    @Test
    void aRunThatFailsAfterCloningLeavesNoTemporaryCheckout() throws Exception {
        String marker = "marker-" + UUID.randomUUID() + ".txt";
        Path work = dir.resolve("work");
        try (Git git = Git.cloneRepository().setURI(remote(Map.of(marker, "x")).toString())
                .setDirectory(work.toFile()).call()) {
            // a non-bare repository with main checked out: pushing to it is refused after the clone and the plan
            Run run = planAndPush(work.toString(), Map.of());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("Cannot push to branch 'main'");
        }
        assertThat(clonesOf(work)).isEmpty();
    }

    private static List<String> tables() {
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "dummy")))
                .build()) {
            return client.listTables().tableNames();
        }
    }

    /** In a region of its own: the tables its tests create must not show as undeclared in the other tests' plans. */
    private static final String APPLIED_MANIFEST = MANIFEST.replace("name: users", "name: applied")
            .replace("GitCliUsers", "GitCliApplied").replace("us-east-1", "eu-central-1");

    @Test
    void badOptionsAreRefusedBeforeAnythingIsClonedOrApplied() throws Exception {
        Path remote = RemoteRepos.bareWith(dir, "main", Map.of("manifests/applied.yaml", APPLIED_MANIFEST));
        String before = RemoteRepos.head(remote, "main").orElseThrow();

        Run badBranch = cli(Map.of(), "apply", "--repo", remote.toString(), "--endpoint-url", endpoint.endpoint().toString(),
                "--report-branch", "../../x");
        assertThat(badBranch.exit()).isEqualTo(1);
        assertThat(badBranch.err()).startsWith("error: --report-branch: '../../x' is not a valid branch name");
        assertThat(tables()).doesNotContain("GitCliApplied");
        assertThat(RemoteRepos.head(remote, "main")).contains(before);

        Path missing = dir.resolve("no-such-repo");
        Run noHost = cli(Map.of(), "apply", "--repo", missing.toString(), "--endpoint-url", "http://");
        assertThat(noHost.err()).startsWith("error: Invalid value for option '--endpoint-url'");
        for (String url : List.of("localhost:8000", "http//127.0.0.1:8000", "ftp://127.0.0.1:8000",
                "http://127.0.0.1:8000?x=1", "http://user:pw@127.0.0.1:8000")) {
            Run badEndpoint = cli(Map.of(), "apply", "--repo", missing.toString(), "--endpoint-url", url);
            assertThat(badEndpoint.exit()).as(url).isEqualTo(1);
            assertThat(badEndpoint.err()).as(url).startsWith("error: --endpoint-url must be an http or https URL");
        }
        Run badBase = cli(Map.of(), "plan", "--repo", missing.toString(), "--endpoint-url", endpoint.endpoint().toString(),
                "--base", "main", "--push");
        assertThat(badBase.err()).startsWith("error: --base plans a pull request's changes only");
        Run badRepo = cli(Map.of(), "apply", "--repo", missing.toString(), "--endpoint-url", endpoint.endpoint().toString());
        assertThat(badRepo.err()).startsWith("error: Repository path does not exist");
    }

    @Test
    void aPushRefusedByAHookPrintsWhatWasAppliedWithTheRefusal() throws Exception {
        Path remote = RemoteRepos.bareWith(dir, "main",
                Map.of("manifests/applied.yaml", APPLIED_MANIFEST.replace("GitCliApplied", "GitCliRefused")));
        String before = RemoteRepos.head(remote, "main").orElseThrow();
        try (SmartHttpGitServer server = new SmartHttpGitServer(remote, USER, PASSWORD)) {
            server.refusePushes("protected branch: main needs a review");
            Run run = cli(Map.of("GIT_USERNAME", USER, "GIT_PASSWORD", PASSWORD), "apply", "--repo", server.url(),
                    "--endpoint-url", endpoint.endpoint().toString());

            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            assertThat(run.out()).contains("created    eu-central-1/GitCliRefused").contains("report: not published");
            assertThat(run.err()).contains("error: the report was not published: Push of branch 'main' to " + server.url()
                    + " was rejected (REJECTED_OTHER_REASON): protected branch: main needs a review")
                    .contains("The tables above were reconciled as listed");
            assertThat(run.all()).doesNotContain(PASSWORD);
        }
        assertThat(tables()).contains("GitCliRefused");
        assertThat(RemoteRepos.head(remote, "main")).contains(before);
    }

    @Test
    void aTokenInTheUrlsQueryStringOrUserInfoIsNeverPrinted() throws Exception {
        Path remote = remote(Map.of());
        String queryToken = "glpat-QueryToken1234";
        String userInfoToken = "ghp_UserInfoToken5678";
        try (SmartHttpGitServer server = new SmartHttpGitServer(remote, USER, PASSWORD)) {
            for (String url : List.of(server.url() + "?private_token=" + queryToken,
                    server.url().replace("http://", "http://" + USER + ":" + userInfoToken + "@") + "?token=" + queryToken,
                    "http://127.0.0.1:1/repo.git?access_token=" + queryToken)) {
                Run run = planAndPush(url, Map.of());

                assertThat(run.exit()).as(run.all()).isEqualTo(1);
                assertThat(run.err()).startsWith("error: Could not read repository http://");
                assertThat(run.all()).doesNotContain(queryToken).doesNotContain(userInfoToken);
            }
        }
    }

    /** Temporary clones (ddb-gitops-*) anywhere in java.io.tmpdir whose remote is {@code remote}. */
    private static List<Path> clonesOf(Path remote) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("ddb-gitops-"))
                    .filter(d -> {
                        try {
                            return Files.readString(d.resolve("repo.git/config")).contains(remote.toString());
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }
}
