package io.ddbgitops.cli;

import io.ddbgitops.reconcile.BadgeRefresh;
import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "badge", mixinStandardHelpOptions = true,
        description = "Render drift/badge.svg from the committed report against the clock: \"stale\" once the last "
                + "check is older than --stale-after. Needs git only. Exit 2 when stale.")
final class BadgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RepoOptions repoOptions;

    @Mixin
    GitOptions gitOptions;

    @Option(names = "--push", description = "Commit and push the badge when it reads differently (default: off).")
    boolean push;

    @Option(names = "--now", paramLabel = "ISO-8601", description = "The time taken as now; default: the clock.")
    Instant now;

    @Option(names = "--stale-after", paramLabel = "ISO-8601 DURATION",
            description = "Age at which the report counts as stale (default: report.stale_after in ddb-gitops.yaml, "
                    + "else PT26H).")
    Duration staleAfter;

    @Override
    public Integer call() throws Exception {
        if (repoOptions.repo == null) {
            throw new IllegalArgumentException("--repo is required");
        }
        RunRequest request = new RunRequest(RunRequest.Mode.PLAN, repoOptions.repo, Optional.ofNullable(repoOptions.branch),
                push, Optional.ofNullable(repoOptions.reportBranch), now == null ? Instant.now() : now,
                gitOptions.auth(Main.environment(spec)), repoOptions.author(), false, Optional.ofNullable(staleAfter));
        BadgeRefresh.Outcome outcome = BadgeRefresh.run(request);
        var out = spec.commandLine().getOut();
        out.println("badge: " + (outcome.stale() ? "stale" : "fresh") + outcome.published()
                .map(p -> ", " + p.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " (branch " + p.branch() + ")").orElse(push ? ", unchanged" : ""));
        return outcome.stale() ? RunResult.DIFFERENCES : RunResult.OK;
    }
}
