package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.cli.Main;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.TableEntry;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** plan --base: only what a pull request changes is planned; every manifest is still validated. */
class PullRequestPlanIT {
    private static final String ORDERS = "manifests/shop/orders.yaml";
    private static final String SESSIONS = "manifests/shop/sessions.yaml";
    private static final String MULTI = "manifests/shop/multi.yaml";
    private static final PersonIdent PERSON = new PersonIdent("Developer", "dev@example.com");

    private static LocalEndpoint endpoint;
    private static DynamoDbClients clients;

    @TempDir
    Path temp;
    private Path bare;
    private Git work;

    @BeforeAll
    static void startEndpoint() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
    }

    @AfterAll
    static void stopEndpoint() {
        clients.close();
        endpoint.close();
    }

    @BeforeEach
    void createRepo() throws Exception {
        bare = temp.resolve("config.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        work = Git.init().setInitialBranch("main").setDirectory(temp.resolve("work").toFile()).call();
        work.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ORDERS, Manifests.table("orders", "us-east-1", "PrOrders", 20, 30, true));
        files.put(SESSIONS, Manifests.table("sessions", "eu-west-1", "PrSessions", 5, 5, false));
        files.put(MULTI, multi(5));
        files.put("README.md", "# config\n");
        commitAndPush("main", "Tables", files);
    }

    @AfterEach
    void closeRepo() {
        work.close();
    }

    /** Two tables in one file; only the second one's capacity varies. */
    private static String multi(int usersRead) {
        return Manifests.table("carts", "us-east-1", "PrCarts", 5, 5, false) + "---\n"
                + Manifests.table("users", "us-east-1", "PrUsers", usersRead, 5, false);
    }

    private void branch(String name) throws Exception {
        work.checkout().setCreateBranch(true).setName(name).setStartPoint("main").call();
    }

    private void commitAndPush(String branch, String message, Map<String, String> files) throws Exception {
        Path root = work.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getValue() == null) {
                work.rm().addFilepattern(file.getKey()).call();
                continue;
            }
            Files.createDirectories(root.resolve(file.getKey()).getParent());
            Files.writeString(root.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            work.add().addFilepattern(file.getKey()).call();
        }
        work.commit().setMessage(message).setAuthor(PERSON).setCommitter(PERSON).setSign(false).call();
        work.push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
    }

    private RunResult planPullRequest(String branch, String base) throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.PLAN, bare.toUri().toString(), Optional.of(branch), false,
                Optional.empty(), Instant.parse("2026-11-21T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults());
        return new Reconciler(new ManifestLoader(), clients).planPullRequest(request, new PullRequest(base, Optional.empty()));
    }

    @Test
    void plansOnlyTheTableWhoseManifestThePullRequestChanges() throws Exception {
        branch("more-reads");
        commitAndPush("more-reads", "More reads", Map.of(ORDERS, Manifests.table("orders", "us-east-1", "PrOrders", 40, 30, true)));

        RunResult result = planPullRequest("more-reads", "main");

        assertThat(result.report().tables()).extracting(TableEntry::table).containsExactly("PrOrders");
        assertThat(result.exitCode()).isEqualTo(RunResult.DIFFERENCES);
        assertThat(result.markdown()).startsWith(io.ddbgitops.report.PullRequestMarkdown.MARKER + "\n**Plan:** 1 table · 1 to create\n").contains("<b>it/orders</b>");
    }

    @Test
    void aBranchBehindMainIsComparedWithWhereItForkedNotWithMainsTip() throws Exception {
        branch("behind");
        commitAndPush("behind", "More reads", Map.of(ORDERS, Manifests.table("orders", "us-east-1", "PrOrders", 40, 30, true)));
        work.checkout().setName("main").call();
        commitAndPush("main", "Another team's table", Map.of("manifests/other/other.yaml",
                Manifests.table("other", "us-east-1", "PrOther", 5, 5, false)));
        // more commits on main than the first history step fetches, so the search has to deepen
        for (int i = 0; i < 60; i++) {
            commitAndPush("main", "Docs " + i, Map.of("README.md", "# config\n\nedit " + i + "\n"));
        }
        String forkPoint = work.getRepository().resolve("behind~1").name();

        RunResult result = planPullRequest("behind", "main");

        assertThat(result.report().tables()).extracting(TableEntry::table).containsExactly("PrOrders");
        assertThat(result.markdown()).contains("<b>it/orders</b>").doesNotContain("PrOther")
                .doesNotContain("No longer declared").contains(" 1 file changed");
        assertThat(forkPoint).isNotEqualTo(work.getRepository().resolve("main").name());
    }

    @Test
    void theCommentNamesTheHeadCommitItPlanned() throws Exception {
        branch("named");
        commitAndPush("named", "More reads", Map.of(ORDERS, Manifests.table("orders", "us-east-1", "PrOrders", 40, 30, true)));
        String head = work.getRepository().resolve("named").name();

        RunResult result = planPullRequest("named", "main");

        assertThat(result.report().commit()).contains(head);
        assertThat(result.markdown()).contains("plan of commit `" + head.substring(0, 7) + "` (`" + head + "`) against `main`");
    }

    @Test
    void aPullRequestOutsideItsNamespacesAllowanceIsInvalidAndPlansNothing() throws Exception {
        branch("policy");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ddb-gitops.yaml", "apiVersion: ddb-gitops/v1\nkind: Config\npolicy:\n  namespaces:\n"
                + "    it: {tables: [\"PrSessions\", \"PrCarts\", \"PrUsers\"]}\n");
        files.put(ORDERS, Manifests.table("orders", "us-east-1", "PrOrders", 40, 30, true));
        commitAndPush("policy", "Take more reads on a table the namespace may not manage", files);

        RunResult result = planPullRequest("policy", "main");

        assertThat(result.exitCode()).isEqualTo(RunResult.INVALID);
        assertThat(result.report().tables()).isEmpty();
        assertThat(result.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(ORDERS);
            assertThat(e.field()).isEqualTo("spec.tablename");
        });
        assertThat(result.markdown()).contains("table \"PrOrders\" is outside what namespace \"it\" may manage");
        assertThat(result.markdown()).contains("Policy: ddb-gitops.yaml policy: namespaces it.</sub>");
    }

    @Test
    void comparesMultiDocumentFilesDocumentByDocument() throws Exception {
        branch("users");
        commitAndPush("users", "More reads for users", Map.of(MULTI, multi(9)));

        RunResult result = planPullRequest("users", "main");

        assertThat(result.report().tables()).extracting(TableEntry::table).containsExactly("PrUsers");
    }

    @Test
    void aPullRequestThatOnlyTouchesTheReadmePlansNoTable() throws Exception {
        branch("docs");
        commitAndPush("docs", "Docs", Map.of("README.md", "# config\n\nMore words.\n"));

        RunResult result = planPullRequest("docs", "main");

        assertThat(result.report().tables()).isEmpty();
        assertThat(result.exitCode()).isEqualTo(RunResult.OK);
        assertThat(result.markdown()).startsWith(io.ddbgitops.report.PullRequestMarkdown.MARKER + "\n**Plan:** no table changes");
    }

    @Test
    void anInvalidManifestAnywhereIsStillReported() throws Exception {
        commitAndPush("main", "A broken manifest", Map.of("manifests/legacy/bad.yaml", Manifests.invalid("bad", "PrBad")));
        branch("docs");
        commitAndPush("docs", "Docs", Map.of("README.md", "# config\n\nMore words.\n"));

        RunResult result = planPullRequest("docs", "main");

        assertThat(result.report().tables()).isEmpty();
        assertThat(result.report().errors()).singleElement()
                .satisfies(e -> assertThat(e.file() + ":" + e.line()).isEqualTo("manifests/legacy/bad.yaml:19"));
        assertThat(result.exitCode()).isEqualTo(RunResult.INVALID);
    }

    @Test
    void namesTheTablesADeletedOrRenamedManifestUsedToDeclare() throws Exception {
        String mainTip = work.getRepository().resolve("refs/heads/main").name();
        branch("cleanup");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SESSIONS, null);
        files.put(ORDERS, Manifests.table("orders", "us-east-1", "PrOrders2", 20, 30, true));
        commitAndPush("cleanup", "Drop sessions, rename orders", files);

        RunResult result = planPullRequest("cleanup", mainTip);

        assertThat(result.report().tables()).extracting(TableEntry::table).containsExactly("PrOrders2");
        assertThat(result.markdown()).contains("2 tables no longer declared")
                .contains("- `eu-west-1/PrSessions` (it/sessions, was in `manifests/shop/sessions.yaml`)")
                .contains("- `us-east-1/PrOrders` (it/orders, was in `manifests/shop/orders.yaml`)");
    }

    @Test
    void theCommandLineWritesTheCommentWithLinksAndExitsTwo() throws Exception {
        branch("more-reads");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ORDERS, Manifests.table("orders", "us-east-1", "PrOrders", 40, 30, true));
        files.put("manifests/new/bad.yaml", Manifests.invalid("bad", "PrBad"));
        commitAndPush("more-reads", "More reads and a mistake", files);
        Path comment = temp.resolve("comment/plan.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), "plan",
                "--repo", bare.toUri().toString(), "--branch", "more-reads", "--base", "origin/main",
                "--endpoint-url", endpoint.endpoint().toString(), "--out", comment.toString(),
                "--link-prefix", "https://git.example.com/org/config/blob/abc123");

        assertThat(exit).as(out + "" + err).isEqualTo(RunResult.INVALID);
        assertThat(Files.readString(comment)).startsWith(io.ddbgitops.report.PullRequestMarkdown.MARKER + "\n**Plan:** 1 table · 1 to create · 1 invalid manifest\n")
                .contains("[manifests/new/bad.yaml:19](https://git.example.com/org/config/blob/abc123/manifests/new/bad.yaml#L19)")
                .contains("Manifest: [manifests/shop/orders.yaml](https://git.example.com/org/config/blob/abc123/manifests/shop/orders.yaml)");
    }

    @Test
    void threeHundredChangedTablesGiveACommentUnderGitHubsLimitAndTheWholePlanInTheDetailFile() throws Exception {
        branch("many");
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 1; i <= 300; i++) {
            files.put(String.format("manifests/many/t%03d.yaml", i),
                    Manifests.table(String.format("t%03d", i), "us-east-1", String.format("PrMany%03d", i), 5, 5, true));
        }
        commitAndPush("many", "300 tables", files);
        Path comment = temp.resolve("out/comment.md");
        Path detail = temp.resolve("out/plan-full.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), "plan",
                "--repo", bare.toUri().toString(), "--branch", "many", "--base", "main",
                "--endpoint-url", endpoint.endpoint().toString(), "--out", comment.toString(),
                "--detail-out", detail.toString(), "--detail-url", "https://ci.example.com/jobs/42/artifacts/plan-full.md",
                "--link-prefix", "https://github.com/org/config/blob/abc123");

        assertThat(exit).as(out + "" + err).isEqualTo(RunResult.DIFFERENCES);
        String body = Files.readString(comment);
        String full = Files.readString(detail);
        assertThat(body.length()).isLessThan(65_536);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(65_536);
        assertThat(full.length()).isGreaterThan(65_536);
        assertThat(body).startsWith(io.ddbgitops.report.PullRequestMarkdown.MARKER + "\n**Plan:** 300 tables · 300 to create\n")
                .contains("[the full plan](https://ci.example.com/jobs/42/artifacts/plan-full.md)")
                .doesNotContain("<details>");
        assertThat(full).startsWith(io.ddbgitops.report.PullRequestMarkdown.MARKER + "\n**Plan:** 300 tables · 300 to create\n");
        for (int i = 1; i <= 300; i++) {
            String table = String.format("PrMany%03d", i);
            assertThat(body).contains("| `us-east-1/" + table + "` |");
            assertThat(full).contains("<code>us-east-1/" + table + "</code>");
        }
    }
}
