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

    @Override
    RunRequest.Mode mode() {
        return RunRequest.Mode.APPLY;
    }

    @Override
    boolean push() {
        return push;
    }
}
