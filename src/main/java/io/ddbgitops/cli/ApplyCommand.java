package io.ddbgitops.cli;

import io.ddbgitops.reconcile.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make the live tables match the manifests, then commit and push the drift report.")
final class ApplyCommand extends RunCommand {
    @Option(names = "--push", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Commit the report and push it (default: on; --no-push keeps it local).")
    boolean push;

    @Option(names = "--prune", description = "Delete tables ddb-gitops owns whose manifest was removed (after a backup; "
            + "never with deletion protection on, never while a manifest is invalid). Default: only report them.")
    boolean prune;

    @Override
    boolean prune() {
        return prune;
    }

    @Override
    RunRequest.Mode mode() {
        return RunRequest.Mode.APPLY;
    }

    @Override
    boolean push() {
        return push;
    }
}
