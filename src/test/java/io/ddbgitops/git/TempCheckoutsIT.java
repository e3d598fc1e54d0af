package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.ddbgitops.cli.CliProcess;
import io.ddbgitops.local.LocalEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import io.ddbgitops.Poll;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary clone is removed on every way a run can end, with the command line in a JVM of its own and a
 * temp directory of its own: a refused push, a failed clone, SIGTERM while the push is held by the server; and
 * what a kill -9 leaves (no hook runs) is swept by the next run.
 */
class TempCheckoutsIT {
    static final String TOKEN = "ghp_TempCheckoutsToken42";
    private static final String MANIFEST = """
            apiVersion: prsn.io/v1
            kind: Dynamodb
            metadata:
              name: users
              namespace: it
            spec:
              region: "us-east-1"
              tablename: "TempCheckoutUsers"
              pri_key_attributename: "id"
              pri_key_attributetype: "S"
            """;

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

    private SmartHttpGitServer server() throws Exception {
        Path remote = RemoteRepos.bareWith(Files.createDirectories(dir.resolve("remote")), "main",
                Map.of("manifests/users.yaml", MANIFEST));
        return new SmartHttpGitServer(remote, GitAuth.TOKEN_USER, TOKEN);
    }

    private CliProcess planAndPush(SmartHttpGitServer server, String name, Path tmp) throws IOException {
        return CliProcess.start(CliProcess.Launch.CLASSES, Files.createDirectories(dir.resolve(name)), tmp,
                Map.of("GIT_TOKEN", TOKEN),
                List.of("plan", "--repo", server.url(), "--push", "--endpoint-url", endpoint.endpoint().toString()));
    }

    @Test
    void sigtermWhileThePushIsHeldRemovesTheCheckout() throws Exception {
        try (SmartHttpGitServer server = server()) {
            server.holdPushes();
            CliProcess run = planAndPush(server, "run", dir.resolve("tmp"));

            awaitOrFail(() -> server.pushesArrived() > 0 || !run.process().isAlive(), run);
            assertThat(checkouts(run.tmp())).as("the clone is on disk while the push is held").hasSize(1);

            CliProcess concurrent = CliProcess.start(CliProcess.Launch.CLASSES, Files.createDirectories(dir.resolve("other")),
                    run.tmp(), Map.of("GIT_TOKEN", TOKEN), List.of("validate", "--repo", server.url()));
            assertThat(concurrent.waitFor(Duration.ofMinutes(2))).as(concurrent.out() + concurrent.err()).isZero();
            assertThat(checkouts(run.tmp())).as("another run's sweep leaves a running run's clone alone").hasSize(1);

            run.process().destroy();

            assertThat(run.waitFor(Duration.ofMinutes(1))).as("SIGTERM").isEqualTo(143);
            assertThat(checkouts(run.tmp())).isEmpty();
            assertThat(leftovers(run.tmp())).isEmpty();
        }
    }

    @Test
    void whatAKilledRunLeavesIsSweptByTheNextRunAndNothingElse() throws Exception {
        Path tmp = dir.resolve("tmp");
        Path notOurs = Files.createDirectories(tmp.resolve("ddb-gitops-not-a-checkout"));
        Files.writeString(notOurs.resolve("keep.txt"), "no marker, so not ours to delete");
        try (SmartHttpGitServer server = server()) {
            server.holdPushes();
            CliProcess killed = planAndPush(server, "killed", tmp);
            awaitOrFail(() -> server.pushesArrived() > 0 || !killed.process().isAlive(), killed);
            killed.process().destroyForcibly();
            killed.waitFor(Duration.ofMinutes(1));
            assertThat(checkouts(tmp)).as("kill -9 runs no shutdown hook").hasSize(1);
            assertThat(checkouts(tmp).get(0).resolve(TempCheckouts.MARKER)).exists();

            server.releasePushes();
            CliProcess next = planAndPush(server, "next", tmp);
            assertThat(next.waitFor(Duration.ofMinutes(2))).as(next.out() + next.err()).isEqualTo(2);

            assertThat(checkouts(tmp)).isEmpty();
            assertThat(notOurs.resolve("keep.txt")).exists();
            assertThat(next.err()).contains("removed the temporary clone");
        }
    }

    @Test
    void aRefusedPushLeavesNoCheckout() throws Exception {
        try (SmartHttpGitServer server = server()) {
            server.refusePushes("protected branch: pushes need a review");
            CliProcess run = planAndPush(server, "run", dir.resolve("tmp"));

            assertThat(run.waitFor(Duration.ofMinutes(2))).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).contains("protected branch: pushes need a review");
            assertThat(leftovers(run.tmp())).isEmpty();
        }
    }

    @Test
    void aFailedCloneLeavesNoCheckout() throws Exception {
        try (SmartHttpGitServer server = server()) {
            CliProcess run = CliProcess.start(CliProcess.Launch.CLASSES, Files.createDirectories(dir.resolve("run")),
                    dir.resolve("tmp"), Map.of("GIT_TOKEN", "not-the-token"),
                    List.of("plan", "--repo", server.url(), "--endpoint-url", endpoint.endpoint().toString()));

            assertThat(run.waitFor(Duration.ofMinutes(2))).isEqualTo(1);
            assertThat(run.err()).contains("not authorized");
            assertThat(leftovers(run.tmp())).isEmpty();
        }
    }

    /** Our temporary directories under {@code tmp} that hold a clone. */
    static List<Path> checkouts(Path tmp) throws IOException {
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(TempCheckouts.PREFIX))
                    .filter(d -> Files.isDirectory(d.resolve("repo.git")))
                    .toList();
        }
    }

    /** Everything a run left in its temp directory, except DynamoDB Local's reused native library directory. */
    static List<Path> leftovers(Path tmp) throws IOException {
        List<Path> left = new ArrayList<>();
        try (Stream<Path> files = Files.list(tmp)) {
            files.filter(p -> !p.getFileName().toString().startsWith("ddb-gitops-native-"))
                    .filter(p -> !p.getFileName().toString().startsWith("hsperfdata_"))
                    .forEach(left::add);
        }
        return left;
    }

    /** Polls {@code condition} (no fixed sleep decides anything); fails with the run's output after two minutes. */
    static void awaitOrFail(BooleanSupplier condition, CliProcess run) throws Exception {
        Poll.until(Duration.ofMinutes(2), condition::getAsBoolean, () -> "waiting for the run\n" + run.out() + run.err());
        assertThat(run.process().isAlive()).as("the run is still going\n" + run.out() + run.err()).isTrue();
    }
}
