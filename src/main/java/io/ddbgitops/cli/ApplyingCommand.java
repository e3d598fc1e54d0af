package io.ddbgitops.cli;

import io.ddbgitops.reconcile.RunRequest;
import picocli.CommandLine.Option;

/** What apply and serve share: they apply, push by default, and may prune. */
abstract class ApplyingCommand extends RunCommand {
    @Option(names = "--push", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Commit the report and push it (default: on; --no-push keeps it local).")
    boolean push;

    @Option(names = "--prune", description = "Delete tables ddb-gitops owns whose manifest was removed (after a backup; "
            + "never with deletion protection on, never while a manifest is invalid). Default: only report them.")
    boolean prune;

    @Override
    final RunRequest.Mode mode() {
        return RunRequest.Mode.APPLY;
    }

    @Override
    final boolean push() {
        return push;
    }

    @Override
    final boolean prune() {
        return prune;
    }
}
