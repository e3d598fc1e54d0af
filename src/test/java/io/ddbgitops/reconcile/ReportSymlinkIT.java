package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.ReportJson;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 1 of issue 12: a config repository whose drift/ directory or report files are committed symbolic links
 * (mode 120000) pointing outside the repository. apply must neither write through them nor read the previous
 * report through them; it replaces each link by a regular file (or directory) and commits that.
 */
class ReportSymlinkIT {
    private static final String ORDERS = "manifests/shop/orders.yaml";
    private static final List<String> REPORT_FILES = List.of(Reconciler.REPORT_JSON, Reconciler.REPORT_MD,
            Reconciler.REPORT_BADGE);
    private static final String SENTINEL = "precious, outside the repository\n";
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private ConfigRepo repo;
    private Path outside;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        repo = ConfigRepo.create(Files.createDirectories(temp.resolve("repo"))).commit("One table",
                Map.of(ORDERS, Manifests.table("orders", "us-east-1", "Orders", 5, 5, false)));
        outside = Files.createDirectories(temp.resolve("outside"));
        for (String name : List.of("report.json", "REPORT.md", "badge.svg")) {
            Path file = Files.writeString(outside.resolve(name), SENTINEL);
            Files.setLastModifiedTime(file, LONG_AGO);
        }
    }

    @AfterEach
    void stop() {
        repo.close();
        clients.close();
        endpoint.close();
    }

    private RunResult apply(Optional<String> reportBranch) throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, reportBranch,
                Instant.parse("2026-11-21T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults(), false);
        return new Reconciler(new ManifestLoader(), clients).run(request);
    }

    private void assertOutsideUntouched() throws Exception {
        try (var files = Files.list(outside)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("REPORT.md", "badge.svg", "report.json");
        }
        for (String name : List.of("report.json", "REPORT.md", "badge.svg")) {
            assertThat(outside.resolve(name)).hasContent(SENTINEL.strip());
            assertThat(Files.getLastModifiedTime(outside.resolve(name))).isEqualTo(LONG_AGO);
        }
    }

    private void assertRegularReportOn(String branch) throws Exception {
        assertThat(repo.mode(branch, Reconciler.REPORT_DIR)).contains(FileMode.TREE);
        for (String path : REPORT_FILES) {
            assertThat(repo.mode(branch, path)).as(path).contains(FileMode.REGULAR_FILE);
        }
    }

    @Test
    void aLinkedDriftDirectoryIsReplacedByARealOneAndNothingIsWrittenThroughIt() throws Exception {
        repo.commitLinks("drift points outside", Map.of(Reconciler.REPORT_DIR, outside));

        RunResult result = apply(Optional.empty());

        // The manifest loader reports a linked folder (it reads no manifest through it); the table is still applied.
        assertLinkedFolderReported(result);
        assertThat(result.published()).hasValueSatisfying(p -> assertThat(p.commitId()).isPresent());
        assertOutsideUntouched();
        assertRegularReportOn("main");
        assertThat(ReportJson.read(repo.read(Reconciler.REPORT_JSON).orElseThrow()).orElseThrow().summary().created())
                .isEqualTo(1);
        assertThat(apply(Optional.empty()).exitCode()).as("the next run, with drift/ a real folder").isEqualTo(RunResult.OK);
    }

    private static void assertLinkedFolderReported(RunResult result) {
        assertThat(result.exitCode()).isEqualTo(RunResult.INVALID);
        assertThat(result.report().errors()).singleElement()
                .satisfies(e -> assertThat(e.file()).isEqualTo(Reconciler.REPORT_DIR));
        assertThat(result.report().summary().created()).isEqualTo(1);
    }

    @Test
    void linkedReportFilesAreReplacedByRegularFiles() throws Exception {
        Map<String, Path> links = new LinkedHashMap<>();
        links.put(Reconciler.REPORT_JSON, outside.resolve("report.json"));
        links.put(Reconciler.REPORT_MD, outside.resolve("REPORT.md"));
        links.put(Reconciler.REPORT_BADGE, outside.resolve("badge.svg"));
        repo.commitLinks("report files point outside", links);
        assertThat(repo.mode("main", Reconciler.REPORT_JSON)).contains(FileMode.SYMLINK);

        RunResult result = apply(Optional.empty());

        assertThat(result.exitCode()).isEqualTo(RunResult.OK);
        assertOutsideUntouched();
        assertRegularReportOn("main");
        assertThat(repo.read(Reconciler.REPORT_MD)).hasValueSatisfying(md -> assertThat(md).contains("us-east-1/Orders"));
    }

    @Test
    void aLinkOnTheReportBranchIsReplacedToo() throws Exception {
        repo.commitLinks("drift points outside", Map.of(Reconciler.REPORT_DIR, outside));

        RunResult result = apply(Optional.of("drift-reports"));

        assertLinkedFolderReported(result);
        assertOutsideUntouched();
        assertRegularReportOn("drift-reports");
        assertThat(repo.mode("main", Reconciler.REPORT_DIR)).contains(FileMode.SYMLINK);
    }

    @Test
    void thePreviousReportIsNotReadThroughALink() throws Exception {
        apply(Optional.empty());
        String previous = repo.read(Reconciler.REPORT_JSON).orElseThrow();
        Path copy = Files.writeString(outside.resolve("previous.json"), previous);
        repo.commitLinks("previous report points outside", Map.of(Reconciler.REPORT_JSON, copy));

        RunResult result = apply(Optional.empty());

        // Had the link been followed, the run would have found its own report there and committed nothing.
        assertThat(result.report().summary().inSync()).isEqualTo(1);
        assertThat(result.published()).hasValueSatisfying(p -> assertThat(p.commitId()).isPresent());
        assertThat(copy).hasContent(previous.strip());
        assertRegularReportOn("main");
    }
}
