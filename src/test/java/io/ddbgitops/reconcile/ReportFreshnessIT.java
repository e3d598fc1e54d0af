package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportBadge;
import io.ddbgitops.report.ReportJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** checked_at and commit in the pushed report; quiet runs commit nothing but a heartbeat; the badge is never left green. */
class ReportFreshnessIT {
    private static final String ORDERS = "manifests/shop/orders.yaml";
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofHours(26);

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private ConfigRepo repo;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        repo = ConfigRepo.create(temp).commit("One table", Map.of(
                ORDERS, Manifests.table("orders", "us-east-1", "Orders", 20, 30, true)));
    }

    @AfterEach
    void stop() {
        repo.close();
        clients.close();
        endpoint.close();
    }

    private RunRequest request(Instant now) {
        return new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, Optional.empty(), now,
                GitAuth.none(), CommitAuthor.defaults(), false, Optional.of(STALE_AFTER));
    }

    private RunResult apply(Instant now) throws Exception {
        return new Reconciler(new ManifestLoader(), clients).run(request(now));
    }

    private DriftReport pushed() throws Exception {
        return ReportJson.read(repo.read("drift/report.json").orElseThrow()).orElseThrow();
    }

    @Test
    void theReportNamesTheTimeOfTheCheckAndTheClonedCommit() throws Exception {
        String head = repo.head();

        RunResult result = apply(T0.plusMillis(750));

        assertThat(result.report().checkedAt()).contains("2026-11-21T12:00:00Z");
        assertThat(result.report().commit()).contains(head);
        assertThat(pushed().checkedAt()).contains("2026-11-21T12:00:00Z");
        assertThat(pushed().commit()).contains(head);
        assertThat(repo.read("drift/REPORT.md").orElseThrow())
                .contains("Checked 2026-11-21T12:00:00Z at commit `" + head + "`.");
        assertThat(repo.read("drift/badge.svg").orElseThrow()).contains(">in sync · 2026-11-21</text>");
    }

    @Test
    void aQuietRunCommitsNothingUntilHalfOfStaleAfterHasPassedThenOneHeartbeat() throws Exception {
        apply(T0);
        int commits = repo.log().size();

        assertThat(apply(T0.plus(Duration.ofHours(13))).published()).as("at exactly half, still quiet").isEmpty();
        assertThat(repo.log()).hasSize(commits);
        assertThat(pushed().checkedAt()).contains("2026-11-21T12:00:00Z");

        String head = repo.head();
        RunResult heartbeat = apply(T0.plus(Duration.ofHours(13)).plusSeconds(1));

        assertThat(heartbeat.published()).as("the heartbeat commit").isPresent();
        assertThat(repo.log()).hasSize(commits + 1);
        assertThat(pushed().checkedAt()).contains("2026-11-22T01:00:01Z");
        assertThat(pushed().commit()).contains(head);
        assertThat(pushed().settled()).isEqualTo(heartbeat.report().settled());
        assertThat(repo.read("drift/badge.svg").orElseThrow()).contains(">in sync · 2026-11-22</text>");

        assertThat(apply(T0.plus(Duration.ofHours(14))).published()).as("quiet again after the heartbeat").isEmpty();
        assertThat(repo.log()).hasSize(commits + 1);
    }

    @Test
    void aRunThatCannotReachDynamoDbLeavesABadgeThatIsNotGreen() throws Exception {
        apply(T0);
        assertThat(repo.read("drift/badge.svg").orElseThrow()).contains("fill=\"#4c1\"");
        endpoint.close();

        // The run cannot take its lease (the lock table is on the same endpoint), so it stops before any table.
        assertThatThrownBy(() -> apply(T0.plus(Duration.ofHours(1))))
                .hasMessageContaining("cannot take the lease in the lock table");
        String badge = repo.read("drift/badge.svg").orElseThrow();
        assertThat(badge).contains(">run failed · 2026-11-21</text>").doesNotContain("#4c1");
    }

    @Test
    void aFailedRunsBadgeIsPushedAndTheNextGoodRunReplacesIt() throws Exception {
        apply(T0);
        int commits = repo.log().size();
        Optional<DriftReport> last = Optional.of(pushed());
        Instant failedAt = T0.plus(Duration.ofHours(2));

        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(repo.url(), Optional.empty(), GitAuth.none())) {
            Reconciler.publishFailure(workspace, request(failedAt), last);
        }

        assertThat(repo.log()).hasSize(commits + 1);
        assertThat(repo.read("drift/badge.svg").orElseThrow())
                .isEqualTo(ReportBadge.failed(last, failedAt))
                .contains(">run failed · 2026-11-21</text>").contains("fill=\"#e05d44\"");
        assertThat(pushed()).as("the report itself is left as it was").isEqualTo(last.get());

        RunResult next = apply(T0.plus(Duration.ofHours(3)));

        assertThat(next.published()).as("quiet, but the badge no longer matches the report").isPresent();
        assertThat(repo.read("drift/badge.svg").orElseThrow()).contains(">in sync · 2026-11-21</text>");
        assertThat(apply(T0.plus(Duration.ofHours(4))).published()).isEmpty();
    }

    private int cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = io.ddbgitops.cli.Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                Map.of(), args);
        lastOutput = out + "" + err;
        return exit;
    }

    private String lastOutput = "";

    @Test
    void theCommandLineTakesStaleAfterAndTheBadgeCommandMarksAStoppedJobStale() throws Exception {
        String endpointUrl = endpoint.endpoint().toString();
        assertThat(cli("apply", "--repo", repo.url(), "--endpoint-url", endpointUrl, "--now", "2026-11-21T12:00:00Z"))
                .as(lastOutput).isZero();
        int commits = repo.log().size();

        assertThat(cli("apply", "--repo", repo.url(), "--endpoint-url", endpointUrl, "--now", "2026-11-21T13:00:01Z",
                "--stale-after", "PT2H")).as(lastOutput).isZero();
        assertThat(repo.log()).as("a heartbeat after half of PT2H").hasSize(commits + 1);
        assertThat(pushed().checkedAt()).contains("2026-11-21T13:00:01Z");

        assertThat(cli("badge", "--repo", repo.url(), "--now", "2026-11-22T14:00:00Z", "--push")).as(lastOutput).isZero();
        assertThat(repo.log()).as("a fresh badge that reads the same is not committed").hasSize(commits + 1);

        assertThat(cli("badge", "--repo", repo.url(), "--now", "2026-11-22T15:00:02Z", "--push"))
                .as(lastOutput).isEqualTo(RunResult.DIFFERENCES);
        assertThat(lastOutput).contains("badge: stale");
        assertThat(repo.read("drift/badge.svg").orElseThrow()).contains(">stale · 2026-11-21</text>")
                .doesNotContain("#4c1");
        assertThat(repo.log()).hasSize(commits + 2).first().asString().startsWith("ddb-gitops: badge stale");
        assertThat(cli("badge", "--repo", repo.url(), "--now", "2026-11-22T16:00:00Z", "--push"))
                .isEqualTo(RunResult.DIFFERENCES);
        assertThat(repo.log()).as("stale once, not on every watchdog run").hasSize(commits + 2);

        assertThat(cli("apply", "--repo", repo.url(), "--endpoint-url", endpointUrl, "--now", "2026-11-22T17:00:00Z"))
                .as(lastOutput).isZero();
        assertThat(repo.read("drift/badge.svg").orElseThrow()).contains(">in sync · 2026-11-22</text>");
    }

    @Test
    void theRepositoryConfigSetsStaleAfterAndTheCommandLineOverridesIt() throws Exception {
        repo.commit("Reports go stale after two hours", Map.of("ddb-gitops.yaml",
                "apiVersion: ddb-gitops/v1\nkind: Config\nreport: {stale_after: PT2H}\n"));
        RunRequest configured = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), T0, GitAuth.none(), CommitAuthor.defaults());
        Reconciler reconciler = new Reconciler(new ManifestLoader(), clients);
        reconciler.run(configured);
        int commits = repo.log().size();

        RunRequest overridden = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), T0.plus(Duration.ofHours(1)).plusSeconds(1), GitAuth.none(), CommitAuthor.defaults(),
                false, Optional.of(STALE_AFTER));
        assertThat(reconciler.run(overridden).published()).as("--stale-after PT26H wins over the config").isEmpty();

        RunRequest later = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true,
                Optional.empty(), T0.plus(Duration.ofHours(1)).plusSeconds(1), GitAuth.none(), CommitAuthor.defaults());
        assertThat(reconciler.run(later).published()).as("heartbeat after half of the config's PT2H").isPresent();
        assertThat(repo.log()).hasSize(commits + 1);
    }
}
