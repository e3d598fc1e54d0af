package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line contract: the embedded default, validate, plan's exit codes and --out. */
class CliIT {
    @TempDir
    Path temp;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void embeddedDefaultAppliesTheSampleRepoAndAPlanOnTheSameDataIsInSync() {
        Path data = temp.resolve("data");

        CliRun apply = cli("apply", "--local", "--data-dir", data.toString());

        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("sample repo: ").contains("3 tables").contains("3 created")
                .contains("report: pushed");
        // the Terraform-style count closes the output; the report's path comes just above it
        assertThat(apply.out().lines().toList()).endsWith(
                "report file: " + data.resolve("report/REPORT.md").toAbsolutePath().normalize(),
                "Apply: 3 created, 0 changed, 0 recreated, 0 deleted, 0 blocked, 0 destructive.");

        CliRun plan = cli("plan", "--local", "--data-dir", data.toString(), "--out", temp.resolve("plan.md").toString());

        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("3 in sync").contains("sample repo: " + data.resolve("sample-repo.git"));
        assertThat(plan.out().lines().toList()).last().asString()
                .isEqualTo("Plan: 0 to create, 0 to change, 0 to recreate, 0 to delete, 0 blocked, 0 destructive.");

        CliRun again = cli("apply", "--local", "--data-dir", data.toString());

        assertThat(again.exit()).isZero();
        assertThat(again.out()).as("the sample repo already has this report").contains("nothing to commit");
    }

    @Test
    void validateExitsThreeAndNamesFileLineAndField() throws Exception {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve("manifests"));
        Files.writeString(repo.resolve("manifests/bad.yaml"), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: bad
                spec:
                  region: "us-east-1"
                  tablename: "Bad"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "X"
                """, StandardCharsets.UTF_8);

        CliRun run = cli("validate", "--repo", repo.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("manifests/bad.yaml:9:").contains("spec.pri_key_attributetype")
                .contains("1 invalid");
    }

    @Test
    void validateAcceptsTheSampleRepo() {
        CliRun run = cli("validate", "--repo", "sample-repo");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("3 valid manifest(s), 0 invalid, 1 other document(s) skipped");
    }

    @Test
    void planWithChangesExitsTwoAndWritesTheMarkdownWhereAsked() throws Exception {
        Path out = temp.resolve("out/plan.md");

        CliRun run = cli("plan", "--local", "--data-dir", temp.resolve("data").toString(), "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(Files.readString(out)).startsWith("# ddb-gitops plan").contains("3 to create")
                .contains("will create").doesNotContain("| 🆕 created");
        assertThat(run.out()).as("the terminal shows the report's diff lines, plain when not a terminal")
                .contains("  will create ")
                .containsPattern("\\n      \\+ key_schema: \\S.*   # create, changed in git\\n")
                .doesNotContain("\u001b[")
                .contains(System.lineSeparator()
                        + "Plan: 3 to create, 0 to change, 0 to recreate, 0 to delete, 0 blocked, 0 destructive."
                        + System.lineSeparator());
        assertThat(run.err()).as("progress: one line per table on stderr")
                .containsPattern("\\[1/3\\] [a-z0-9-]+/\\S+: will create \\(\\d+\\.\\ds\\)")
                .containsPattern("\\[3/3\\] ");
    }

    @Test
    void badOptionsExitOneWithAClearMessage() {
        CliRun run = cli("apply", "--local", "--endpoint-url", "http://127.0.0.1:1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--local and --endpoint-url exclude each other");
    }

    @Test
    void longWorkAndQuotaOptionsAreCheckedBeforeAnythingRuns() {
        CliRun timeout = cli("apply", "--local", "--wait", "--wait-timeout", "soon");
        CliRun quota = cli("plan", "--local", "--throughput-decreases-per-day", "0");

        assertThat(timeout.exit()).isEqualTo(1);
        assertThat(timeout.err()).contains("--wait-timeout takes ISO-8601 (PT2H) or seconds, not soon");
        assertThat(quota.exit()).isEqualTo(1);
        assertThat(quota.err()).contains("--throughput-decreases-per-day must be at least 1, not 0");
        assertThat(cli("serve", "--help").out()).contains("--wait", "--wait-timeout", "--throughput-decreases-per-day");
    }
}
