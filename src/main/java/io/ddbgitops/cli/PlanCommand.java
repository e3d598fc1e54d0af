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

    @Override
    void checkOptions() throws Exception {
        if (base == null && linkPrefix != null) {
            throw new IllegalArgumentException("--link-prefix only applies with --base");
        }
        if (base != null && push) {
            throw new IllegalArgumentException("--base plans a pull request's changes only; it cannot be combined with --push");
        }
        super.checkOptions();
    }

    @Override
    RunResult execute(Reconciler reconciler, RunRequest request) throws Exception {
        if (base == null) {
            return reconciler.run(request);
        }
        return reconciler.planPullRequest(request, new PullRequest(base, Optional.ofNullable(linkPrefix)));
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
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, result.markdown(), StandardCharsets.UTF_8);
        }
    }
}
