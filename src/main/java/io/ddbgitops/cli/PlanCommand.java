package io.ddbgitops.cli;

import io.ddbgitops.reconcile.PullRequest;
import io.ddbgitops.reconcile.Reconciler;
import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change. Never writes to DynamoDB. Exit 2 when there are changes.")
final class PlanCommand extends RunCommand {
    @Option(names = "--push", description = "Commit the plan report and push it (default: off).")
    boolean push;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown report to FILE.")
    Path out;

    @Option(names = "--base", paramLabel = "REF",
            description = "Plan a pull request: validate every manifest, but plan only those that differ from REF "
                    + "(a branch such as main, origin/main, a tag or a commit id), and write the report as a comment.")
    String base;

    @Option(names = "--link-prefix", paramLabel = "URL",
            description = "With --base: link file:line references to URL/<file>#L<line> "
                    + "(e.g. https://github.com/ORG/REPO/blob/SHA).")
    String linkPrefix;

    @Option(names = "--detail-out", paramLabel = "FILE",
            description = "With --base: write the whole plan to FILE. --out gets the comment, which is shortened to a "
                    + "summary table when the plan is longer than a comment may be.")
    Path detailOut;

    @Option(names = "--detail-url", paramLabel = "URL",
            description = "With --base: where the --detail-out file will be (e.g. the CI job's artifact); a "
                    + "shortened comment links to it.")
    String detailUrl;

    @Override
    void checkOptions() throws Exception {
        if (base == null && linkPrefix != null) {
            throw new IllegalArgumentException("--link-prefix only applies with --base");
        }
        if (base != null && push) {
            throw new IllegalArgumentException("--base plans a pull request's changes only; it cannot be combined with --push");
        }
        super.checkOptions();
        if (base != null && !shard().isAll()) {
            throw new IllegalArgumentException("--base plans a pull request's changes, which are few; it is not sharded "
                    + "(drop --shard/--shards)");
        }
    }

    @Override
    RunResult execute(Reconciler reconciler, RunRequest request) throws Exception {
        if (base == null) {
            if (linkPrefix != null || detailOut != null || detailUrl != null) {
                throw new IllegalArgumentException("--link-prefix, --detail-out and --detail-url only apply with --base");
            }
            return reconciler.run(request, shard());
        }
        if (push) {
            throw new IllegalArgumentException("--base plans a pull request's changes only; it cannot be combined with --push");
        }
        return reconciler.planPullRequest(request, new PullRequest(base, Optional.ofNullable(linkPrefix),
                Optional.ofNullable(detailUrl)));
    }

    @Override
    RunRequest.Mode mode() {
        return RunRequest.Mode.PLAN;
    }

    @Override
    boolean push() {
        return push;
    }

    @Override
    void after(RunResult result) throws Exception {
        if (out != null) {
            write(out, result.markdown());
        }
        if (detailOut != null) {
            write(detailOut, result.detail());
        }
    }

    private static void write(Path file, String text) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
